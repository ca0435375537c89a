namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>Event pipeline stages a step can be registered on (MainOperation, 30, is the platform's own).</summary>
public enum PipelineStage
{
    PreValidation = 10,
    PreOperation = 20,
    MainOperation = 30,
    PostOperation = 40,
}
