namespace DualWrite.Emulators.Dataverse.WebApi.Routing;

/// <summary>A parsed Web API path: its kind, entity set, record key and bound action name.</summary>
public sealed record ResourcePath(ResourceKind Kind, EntitySetModel? EntitySet = null, RecordKey? Key = null, string? Action = null);
