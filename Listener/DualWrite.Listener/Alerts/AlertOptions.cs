using System;
using System.Collections.Generic;

namespace DualWrite.Listener.Alerts;

/// <summary><c>DualWrite:Alerts</c>: per-map alert rules and where fired alerts are posted.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "DualWrite:Alerts";

    public List<AlertRule> Rules { get; } = [];

    /// <summary>Each fired alert is POSTed here as JSON (retried, on its own queue); none: logs and <c>/api/alerts</c> only.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>How often the rules are evaluated.</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Tries per webhook POST (the first included) before the alert is given up on (it stays in the log and the list).</summary>
    public int WebhookAttempts { get; set; } = 5;

    /// <summary>The wait before the second try; it doubles with each try after.</summary>
    public TimeSpan WebhookFirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Alerts waiting to be posted; beyond it the oldest waiting is dropped (a dead webhook must not grow memory).</summary>
    public int WebhookQueueCapacity { get; set; } = 1_000;

    /// <summary>How many recent alerts <c>GET /api/alerts</c> keeps.</summary>
    public int RecentAlertsKept { get; set; } = 200;
}
