using System.Text.Json.Nodes;

namespace DualWrite.Listener.Clients.Dataverse;

/// <summary>
/// One record of a <c>CreateMultiple</c> or <c>UpsertMultiple</c>: <paramref name="EntityPath"/> names it by
/// alternate key (<c>accounts(accountnumber='C1')</c>, sent as <c>@odata.id</c>), null to create; the body's
/// properties are written as they are (lookups as <c>@odata.bind</c>).
/// </summary>
public sealed record BulkTarget(string? EntityPath, JsonObject Body);
