namespace DualWrite.Core.Maps;

public static class MapDirectionExtensions
{
    /// <summary>True when values travel the given way under this direction.</summary>
    public static bool Carries(this MapDirection direction, SyncDirection way) => direction switch
    {
        MapDirection.TwoWay => true,
        MapDirection.FinOpsToDataverse => way == SyncDirection.FinOpsToDataverse,
        _ => way == SyncDirection.DataverseToFinOps,
    };

    /// <summary>True when every way <paramref name="inner"/> carries is also carried by this direction.</summary>
    public static bool Contains(this MapDirection direction, MapDirection inner) =>
        direction == MapDirection.TwoWay || direction == inner;

    public static SyncDirection Reverse(this SyncDirection way) =>
        way == SyncDirection.FinOpsToDataverse ? SyncDirection.DataverseToFinOps : SyncDirection.FinOpsToDataverse;
}
