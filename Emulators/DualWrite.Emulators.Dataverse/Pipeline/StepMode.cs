namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>Execution mode, with the values IExecutionContext.Mode reports.</summary>
public enum StepMode
{
    Synchronous = 0,
    Asynchronous = 1,
}
