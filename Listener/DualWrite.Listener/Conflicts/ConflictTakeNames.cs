using System;

namespace DualWrite.Listener.Conflicts;

/// <summary>The words the CLI and the API accept for <see cref="ConflictTake"/>: <c>fno</c>, <c>dataverse</c>, <c>merged</c>.</summary>
public static class ConflictTakeNames
{
    public const string Accepted = "fno, dataverse or merged";

    public static bool TryParse(string? text, out ConflictTake take)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "fno":
            case "finops":
                take = ConflictTake.FinOps;
                return true;
            case "dataverse":
                take = ConflictTake.Dataverse;
                return true;
            case "merged":
            case "merge":
                take = ConflictTake.Merged;
                return true;
            default:
                take = default;
                return false;
        }
    }

    public static string Name(ConflictTake take) => take switch
    {
        ConflictTake.FinOps => "fno",
        ConflictTake.Dataverse => "dataverse",
        ConflictTake.Merged => "merged",
        _ => throw new ArgumentOutOfRangeException(nameof(take)),
    };
}
