using System;

namespace DualWrite.Emulators.FinOps.Events;

/// <summary>How business events are delivered. Defaults are F&amp;O's: 3 retries at 1-second intervals.</summary>
public sealed class EventDeliveryOptions
{
    /// <summary>Retries after the first failed attempt before the event goes to the error log. Default 3.</summary>
    public int RetryCount { get; set; } = 3;

    /// <summary>Wait between attempts. Default 1 second; tests shorten it.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time allowed for one attempt. Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Seed of the control number gaps (control numbers increase, with gaps, as F&amp;O's do). Default 1.</summary>
    public int ControlNumberSeed { get; set; } = 1;
}
