namespace DualWrite.Core.Maps;

/// <summary>Which way a map, or one of its fields, carries values.</summary>
public enum MapDirection
{
    TwoWay,
    FinOpsToDataverse,
    DataverseToFinOps,
}
