using System;
using System.Collections.Generic;
using DualWrite.Core.Filters;
using DualWrite.Core.Maps;
using DualWrite.Core.Pausing;

namespace DualWrite.Plugins.Configuration;

/// <summary>
/// A write-through step's unsecure configuration, parsed and checked (format: Plugins/DualWrite.Plugins/README.md).
/// </summary>
public sealed class WriteThroughSettings
{
    /// <summary>The official web-access sample's client timeout.</summary>
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Well inside the platform's 2 minutes for the message and all its synchronous plug-ins.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(60);

    /// <summary>The largest budget a step may ask for: leaves the platform and other steps 20 s of the 2 minutes.</summary>
    public static readonly TimeSpan MaxBudget = TimeSpan.FromSeconds(100);

    public const string DefaultLoopTag = "DualWrite";

    public WriteThroughSettings(TableMap map, FilterExpression? dataverseFilter, Uri finOpsBaseUrl, TimeSpan callTimeout, TimeSpan budget, string loopTag, bool allowEmulatorUrls, IReadOnlyList<string>? finOpsNotNullable = null, PausedSaveBehavior onPaused = PausedSaveBehavior.Refuse)
    {
        Map = map ?? throw new ArgumentNullException(nameof(map));
        DataverseFilter = dataverseFilter;
        FinOpsBaseUrl = finOpsBaseUrl ?? throw new ArgumentNullException(nameof(finOpsBaseUrl));
        CallTimeout = callTimeout;
        Budget = budget;
        LoopTag = loopTag ?? throw new ArgumentNullException(nameof(loopTag));
        AllowEmulatorUrls = allowEmulatorUrls;
        FinOpsNotNullable = finOpsNotNullable;
        OnPaused = onPaused;
    }

    /// <summary>What a save does while the map is paused: refused (default) or queued for F&amp;O.</summary>
    public PausedSaveBehavior OnPaused { get; }

    /// <summary>
    /// The F&amp;O properties the map writes that do not accept null (from F&amp;O's $metadata, written by the
    /// solution generator). An empty column for one of them fails the save naming it; null when the
    /// configuration does not say (then F&amp;O judges).
    /// </summary>
    public IReadOnlyList<string>? FinOpsNotNullable { get; }

    /// <summary>The table map this step writes through.</summary>
    public TableMap Map { get; }

    /// <summary>The map's Dataverse filter, parsed once; null when the map covers every row.</summary>
    public FilterExpression? DataverseFilter { get; }

    /// <summary>The F&amp;O environment (<c>https://contoso.operations.dynamics.com/</c>), ending with '/'.</summary>
    public Uri FinOpsBaseUrl { get; }

    /// <summary>The OData service root: <c>&lt;finOpsBaseUrl&gt;data/</c>.</summary>
    public Uri DataRoot => new(FinOpsBaseUrl, "data/");

    /// <summary>How long one HTTP call may take (default 15 s).</summary>
    public TimeSpan CallTimeout { get; }

    /// <summary>How long the whole write-through may take, retries included (default 60 s, at most 100 s).</summary>
    public TimeSpan Budget { get; }

    /// <summary>Saves carrying this tag (SharedVariables["tag"]) are the integration's own writes: skipped.</summary>
    public string LoopTag { get; }

    /// <summary>True only for steps that target a local emulator: IP addresses, localhost and http are then allowed.</summary>
    public bool AllowEmulatorUrls { get; }
}
