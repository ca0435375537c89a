namespace DualWrite.Listener.Bulk.Reconcile;

/// <summary>
/// A record only Dataverse has, of a map whose master is F&amp;O: <paramref name="RecordKey"/> is its F&amp;O path as the
/// state store keys it (<c>CustomersV3(dataAreaId='usmf',CustomerAccount='C1')</c>), <paramref name="DataversePath"/> the
/// Dataverse row (<c>accounts(&lt;id&gt;)</c>), <paramref name="Key"/> the key as reports show it.
/// </summary>
public sealed record RemovalCandidate(string RecordKey, string DataversePath, string Key);
