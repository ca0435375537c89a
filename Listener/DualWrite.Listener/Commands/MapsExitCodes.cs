namespace DualWrite.Listener.Commands;

/// <summary>Exit codes of <c>dualwrite maps list|start|pause|resume|stop</c>.</summary>
internal static class MapsExitCodes
{
    public const int Ok = 0;

    /// <summary>The store or the listener could not be reached, or answered with an error.</summary>
    public const int Failure = 1;

    /// <summary>Unknown map, an operation the map's state does not allow, or bad input or configuration.</summary>
    public const int BadInput = 2;

    public const string Text = "Exit codes: 0 done; 1 the store or the listener failed; 2 unknown map, an operation the map's state does not allow, or bad input.";
}
