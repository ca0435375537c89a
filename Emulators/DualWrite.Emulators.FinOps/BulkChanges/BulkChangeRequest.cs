namespace DualWrite.Emulators.FinOps.BulkChanges;

/// <summary>
/// <c>POST /_emulator/data/bulk-change</c>: set <see cref="Field"/> to <see cref="Value"/> on the first <see cref="Count"/>
/// rows of <see cref="EntitySet"/> (of <see cref="Company"/> when given), as committed writes that publish their business
/// events. <c>{i}</c> in the value is replaced by the row's ordinal, so every row gets its own value when wanted.
/// </summary>
public sealed record BulkChangeRequest(string EntitySet, int Count, string Field, string Value)
{
    public string? Company { get; init; }
}
