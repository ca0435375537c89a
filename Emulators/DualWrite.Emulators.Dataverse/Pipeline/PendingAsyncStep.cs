namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>An asynchronous step and the context captured when its operation ran.</summary>
internal sealed record PendingAsyncStep(StepRegistration Step, PluginExecutionContext Context);
