namespace DualWrite.Chaos.Faults;

/// <summary>The faults the run injects (listener kills are counted apart, in <see cref="KillRecord"/>).</summary>
public enum FaultKind
{
    /// <summary>The next 1–3 F&amp;O writes answer 500 and change nothing.</summary>
    FinOpsServerError,

    /// <summary>The next F&amp;O write hangs past the plug-in's call timeout, then is dropped unrun.</summary>
    FinOpsTimeout,

    /// <summary>The next F&amp;O write hangs past the plug-in's call timeout, then runs: it lands after the caller gave up.</summary>
    FinOpsLateWrite,

    /// <summary>The next 1–2 F&amp;O requests lose their connection without an answer.</summary>
    FinOpsDroppedConnection,

    /// <summary>Every Dataverse Web API request answers 429 for 1–4 s.</summary>
    DataverseThrottleStorm,

    /// <summary>Every Dataverse Web API request answers 503 for 1–5 s.</summary>
    DataverseOutage,

    /// <summary>The next 1–5 business events are delivered twice.</summary>
    DuplicatedDelivery,

    /// <summary>The next 1–3 business events are delivered after the one that follows each.</summary>
    ReorderedDelivery,
}
