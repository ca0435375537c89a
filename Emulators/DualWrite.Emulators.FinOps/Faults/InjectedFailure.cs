namespace DualWrite.Emulators.FinOps.Faults;

/// <summary>The answer given instead of running a write: a status and the innererror message.</summary>
public sealed record InjectedFailure(int StatusCode, string Message);
