using DualWrite.Listener.Admin;

namespace DualWrite.Listener.Commands;

/// <summary>Exit codes of the <c>errors</c> and <c>conflicts</c> commands.</summary>
internal static class AdminExitCodes
{
    public const int Succeeded = 0;

    /// <summary>The operation failed: the entry was not in a state that allows it, or a service refused.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: an unknown id or map, a missing or wrong option.</summary>
    public const int BadInput = 2;

    public const string Help = "Exit codes: 0 done, 1 failed (wrong state, a service refused, the listener unreachable), 2 bad input or not found.";

    public static int For(OperationProblemKind? problem) => problem switch
    {
        null => Succeeded,
        OperationProblemKind.NotFound or OperationProblemKind.BadRequest => BadInput,
        _ => Failed,
    };
}
