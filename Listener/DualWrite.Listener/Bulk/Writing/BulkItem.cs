using System.Text.Json.Nodes;

namespace DualWrite.Listener.Bulk.Writing;

/// <summary>
/// One mapped record ready for a batch. <paramref name="RecordKey"/> is the source record's key as the state store
/// knows it (<c>CustomersV3(dataAreaId='usmf',CustomerAccount='C1')</c>); <paramref name="SourceKey"/> the key as
/// errors show it; <paramref name="TargetPath"/> the target's key path (<c>accounts(accountnumber='C1')</c>, used as
/// <c>@odata.id</c> or the F&amp;O entity path), null to create; <paramref name="Body"/> the wire payload
/// (lookups as <c>@odata.bind</c>).
/// </summary>
public sealed record BulkItem(string RecordKey, string SourceKey, string? TargetPath, JsonObject Body);
