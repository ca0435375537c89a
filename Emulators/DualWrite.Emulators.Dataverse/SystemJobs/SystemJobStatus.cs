namespace DualWrite.Emulators.Dataverse.SystemJobs;

/// <summary>Outcome of an asynchronous step (the asyncoperation's status).</summary>
public enum SystemJobStatus
{
    Succeeded = 30,
    Failed = 31,
}
