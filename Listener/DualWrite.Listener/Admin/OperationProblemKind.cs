namespace DualWrite.Listener.Admin;

/// <summary>Why an operation did not happen; the API maps it to an HTTP status, the CLI to an exit code.</summary>
public enum OperationProblemKind
{
    /// <summary>Bad input (404/400 over HTTP, exit code 2): an unknown id or map, a missing option.</summary>
    NotFound,

    BadRequest,

    /// <summary>The entry is not in a state that allows it (409, exit code 1).</summary>
    Conflict,

    /// <summary>The other system refused or could not be reached (502, exit code 1).</summary>
    Failed,
}
