namespace DualWrite.Listener.Alerts;

/// <summary>What an alert rule watches.</summary>
public enum AlertKind
{
    /// <summary><see cref="AlertRule.Threshold"/> or more events failed for good within <see cref="AlertRule.WindowMinutes"/>.</summary>
    Errors,

    /// <summary>The oldest waiting event is older than <see cref="AlertRule.Threshold"/> seconds.</summary>
    Lag,
}
