namespace DualWrite.Listener.MapStates;

/// <summary>Why a map operation was refused; the admin API answers 404 for an unknown map, 409 for the others.</summary>
public enum MapProblemKind
{
    /// <summary>No configured map has that name.</summary>
    UnknownMap,

    /// <summary>The map's current state does not allow the operation (resume a running map, pause a stopped one).</summary>
    InvalidTransition,
}
