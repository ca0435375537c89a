namespace DualWrite.Core.Maps;

/// <summary>The way one change travels: a single direction, never both.</summary>
public enum SyncDirection
{
    FinOpsToDataverse,
    DataverseToFinOps,
}
