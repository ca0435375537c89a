namespace DualWrite.Listener.Bulk.Writing;

/// <summary>How the bulk writer batches and paces its writes. Section <c>DualWrite:Bulk</c>.</summary>
public sealed class BulkWriterOptions
{
    public const string SectionName = "DualWrite:Bulk";

    /// <summary>Records per Dataverse <c>UpsertMultiple</c>/<c>CreateMultiple</c> call. Default 1,000 (the service's advice for standard tables).</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Operations per F&amp;O <c>$batch</c>: F&amp;O runs each as its own request, so batches stay smaller. Default 200.</summary>
    public int FinOpsBatchSize { get; set; } = 200;

    /// <summary>Batches in flight per target to begin with. Default 2.</summary>
    public int InitialConcurrency { get; set; } = 2;

    /// <summary>The ceiling: never more batches in flight per target, whatever the target allows. Default 8.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// How much slower than its best (per record, smoothed) a target may answer before the writer stops adding
    /// concurrency: past it, more batches in flight only queue at the target. Default 2.
    /// </summary>
    public double SlowLatencyFactor { get; set; } = 2.0;

    /// <summary>
    /// Rounds of requests at the current concurrency that Dataverse's reported budget (remaining requests and
    /// execution time) must still cover; below it the writer slows down before the 429s start. Default 3.
    /// </summary>
    public int BudgetRounds { get; set; } = 3;
}
