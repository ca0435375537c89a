using System;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>A step registration the platform would refuse; the message says what is wrong.</summary>
public sealed class StepRegistrationException : Exception
{
    public StepRegistrationException()
    {
    }

    public StepRegistrationException(string message)
        : base(message)
    {
    }

    public StepRegistrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
