using System;
using System.Collections.Generic;

namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>How the initial sync reads, batches and reports. Section <c>DualWrite:InitialSync</c>.</summary>
public sealed class InitialSyncOptions
{
    public const string SectionName = "DualWrite:InitialSync";

    /// <summary>Records per batch handed to the bulk writer. Default 1,000.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Batches mapped and waiting or in the writer at once, per map: bounds memory. Default 8 (the writer's own ceiling paces the requests).</summary>
    public int BatchesInFlight { get; set; } = 8;

    /// <summary>Mapped batches waiting for a free writer, per map (at most <see cref="BatchesInFlight"/>). Default 2.</summary>
    public int BatchesQueued { get; set; } = 2;

    /// <summary>Source pages read ahead of the mapping, per map. Default 1: the next page is read while one maps.</summary>
    public int PagesAhead { get; set; } = 1;

    /// <summary>Slices of a page mapped side by side (mapping is CPU work). Default: the processor count.</summary>
    public int MappingParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Rows per slice mapped on one core; the slice's rows share their lookup answers. Default 1,000.</summary>
    public int MappingSliceSize { get; set; } = 1000;

    /// <summary>
    /// Rows per F&amp;O page (server paging allows up to 10,000). Default 5,000: a page and the one read ahead are
    /// held as JSON while they map, so half the service's most halves that memory, and reading ahead hides the
    /// extra requests.
    /// </summary>
    public int FinOpsPageSize { get; set; } = 5000;

    /// <summary>Rows per Dataverse page (<c>odata.maxpagesize</c>, at most 5,000). Default 5,000.</summary>
    public int DataversePageSize { get; set; } = 5000;

    /// <summary>Per map, the side that is the master (<c>FinOps</c> or <c>Dataverse</c>); F&amp;O when not named.</summary>
    public Dictionary<string, string> Master { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often a progress line is written when the output is not a terminal. Default 5 s.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(5);
}
