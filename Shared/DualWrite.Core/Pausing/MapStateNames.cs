namespace DualWrite.Core.Pausing;

/// <summary>
/// The map states as the listener names them (its <c>MapRunState</c> members) in <see cref="MapStateTable.State"/>.
/// Core cannot see the listener's enum, and the plug-in must not depend on it, so the names are the contract.
/// </summary>
public static class MapStateNames
{
    public const string NotRunning = "NotRunning";

    public const string InitialSync = "InitialSync";

    public const string Running = "Running";

    public const string Paused = "Paused";

    public const string CatchingUp = "CatchingUp";
}
