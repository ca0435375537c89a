namespace DualWrite.Listener.Alerts;

/// <summary>One entry of <c>DualWrite:Alerts:Rules</c>.</summary>
public sealed class AlertRule
{
    /// <summary>A map's name, or <c>*</c> for every map (each map fires on its own).</summary>
    public string Map { get; set; } = "*";

    public AlertKind Kind { get; set; } = AlertKind.Errors;

    /// <summary>Errors: how many failures fire it (N). Lag: how many seconds of lag fire it (T).</summary>
    public double Threshold { get; set; }

    /// <summary>Errors: the window the failures are counted in (M minutes).</summary>
    public double WindowMinutes { get; set; } = 5;

    /// <summary>Pause the map when the rule fires (through MapOperations, as an operator would).</summary>
    public bool PauseMap { get; set; }

    /// <summary>A name for logs and the webhook; default: the rule described (<c>errors &gt;= 10 in 5 min</c>).</summary>
    public string? Name { get; set; }

    public string DisplayName => Name ?? (Kind == AlertKind.Errors
        ? "errors >= " + Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture) + " in " + WindowMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " min"
        : "lag > " + Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s");
}
