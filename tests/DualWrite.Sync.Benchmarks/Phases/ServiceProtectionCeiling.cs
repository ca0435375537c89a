using System;

namespace DualWrite.Sync.Benchmarks.Phases;

/// <summary>
/// What Dataverse's service protection limits allow a load of R records in batches of b, each request costing
/// c = p + b·r (fixed latency p, per-record latency r), per user: M requests and E seconds of execution time per
/// sliding window W, C requests at once. The fastest such load takes T = max(T_concurrency, T_requests, T_execution):
/// <list type="bullet">
/// <item>T_concurrency = n·c / C, with n = ⌈R/b⌉ requests;</item>
/// <item>T_requests = 0 when n ≤ M (the first window's allowance), else W·(n − M)/M;</item>
/// <item>T_execution = 0 when n·c ≤ E, else W·(n·c − E)/E.</item>
/// </list>
/// The ceiling is R/T. Long loads tend to the steady state min(M·b/W, E·b/(W·c), C·b/c).
/// </summary>
public sealed record ServiceProtectionCeiling(int MaxRequests, TimeSpan MaxExecutionTime, int MaxConcurrent, TimeSpan Window)
{
    /// <summary>The service's defaults: 6,000 requests and 1,200 s per 5 minutes, 52 concurrent.</summary>
    public static ServiceProtectionCeiling Defaults { get; } = new(6000, TimeSpan.FromSeconds(1200), 52, TimeSpan.FromMinutes(5));

    public double RequestSeconds(int batchSize, double perRequestMilliseconds, double perRecordMilliseconds)
        => (perRequestMilliseconds + (batchSize * perRecordMilliseconds)) / 1000.0;

    /// <summary>The fastest rows/s for loading <paramref name="records"/> records.</summary>
    public double RowsPerSecond(long records, int batchSize, double perRequestMilliseconds, double perRecordMilliseconds)
    {
        var c = RequestSeconds(batchSize, perRequestMilliseconds, perRecordMilliseconds);
        var n = Math.Ceiling((double)records / batchSize);
        var window = Window.TotalSeconds;
        var budget = MaxExecutionTime.TotalSeconds;
        var concurrency = n * c / MaxConcurrent;
        var requests = n <= MaxRequests ? 0 : window * (n - MaxRequests) / MaxRequests;
        var execution = n * c <= budget ? 0 : window * ((n * c) - budget) / budget;
        var seconds = Math.Max(concurrency, Math.Max(requests, execution));
        return seconds > 0 ? records / seconds : double.PositiveInfinity;
    }

    /// <summary>The steady-state rows/s of a load much longer than the window.</summary>
    public double SteadyRowsPerSecond(int batchSize, double perRequestMilliseconds, double perRecordMilliseconds)
    {
        var c = RequestSeconds(batchSize, perRequestMilliseconds, perRecordMilliseconds);
        var window = Window.TotalSeconds;
        return Math.Min(MaxRequests * batchSize / window, Math.Min(MaxExecutionTime.TotalSeconds * batchSize / (window * c), MaxConcurrent * batchSize / c));
    }
}
