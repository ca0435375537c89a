namespace DualWrite.Listener.ErrorQueue;

/// <summary>One mapped field of a record on both sides: the Dataverse column, the F&amp;O field, each side's value as text, and whether they differ.</summary>
public sealed record FieldComparison(string Name, string? FinOpsField, string? FinOps, string? Dataverse, bool Differs);
