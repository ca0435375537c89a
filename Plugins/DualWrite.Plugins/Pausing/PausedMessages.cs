using DualWrite.Plugins.WriteThrough;

namespace DualWrite.Plugins.Pausing;

/// <summary>What a user reads when a paused map refuses their save.</summary>
public static class PausedMessages
{
    public static string Refused(string mapName, string? reason, WriteThroughPlan plan) =>
        "Map '" + mapName + "' is paused" + (reason is null ? string.Empty : " (" + reason.TrimEnd('.') + ")")
        + ", so " + (plan.RecordText ?? "this record") + " cannot be saved now: DualWrite sends no changes to F&O's " + plan.EntitySet
        + " until the map is resumed. Nothing was saved; try again once the map runs.";
}
