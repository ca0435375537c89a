namespace DualWrite.Chaos.Records;

/// <summary>Which system an operation was made in.</summary>
public enum Side
{
    FinOps,
    Dataverse,
}
