namespace DualWrite.Emulators.Dataverse.WebApi.Routing;

/// <summary>What a Web API path addresses.</summary>
public enum ResourceKind
{
    ServiceDocument,
    Metadata,
    Batch,
    Collection,
    Record,
    /// <summary>A bound action on a collection: CreateMultiple, UpdateMultiple, UpsertMultiple.</summary>
    CollectionAction,
}
