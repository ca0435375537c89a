using System;
using System.Collections.Generic;
using System.Globalization;

namespace DualWrite.Sync.Benchmarks;

/// <summary>
/// The command line: <c>[--customers N] [--json FILE] [--quick] [--batch-size N] [--concurrency N]
/// [--burst N] [--baseline-burst N] [--repeat N] [--configuration Release]</c>. Parsed by hand: a benchmark has few options.
/// </summary>
public sealed record BenchmarkOptions
{
    /// <summary>N: customers loaded by the main initial sync (5N by the memory run). Default 200,000 across 3 companies.</summary>
    public int Customers { get; init; } = 200_000;

    /// <summary>Records per CreateMultiple/UpsertMultiple request, for the sync and for the ceiling client. Default 1,000.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Requests in flight at once: the sync's ceiling and the ceiling client's fixed concurrency. Default 8.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Live burst: F&amp;O changes to existing customers, applied batched. Default 100,000.</summary>
    public int Burst { get; init; } = 100_000;

    /// <summary>The one-at-a-time baseline's burst (smaller: it is slow). Default 10,000.</summary>
    public int BaselineBurst { get; init; } = 10_000;

    /// <summary>Runs of the N load (the table shows the median). Default 3, or 1 with --quick.</summary>
    public int Repeat { get; init; } = 3;

    /// <summary>Records the record-by-record client writes under the latency profile. Default 300.</summary>
    public int RecordByRecordSample { get; init; } = 300;

    /// <summary>Records per reconcile difference kind seeded (changed in F&amp;O, deleted in Dataverse, extra in Dataverse). Default 100.</summary>
    public int SeededDifferences { get; init; } = 100;

    public bool Quick { get; init; }

    public bool SkipFiveN { get; init; }

    /// <summary>Runs only phase 4 (live apply) over a freshly seeded pair: for working on the live path.</summary>
    public bool LiveOnly { get; init; }

    public string? JsonFile { get; init; }

    /// <summary>The build configuration of the emulators and listener started as processes. Default Release.</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>The realistic latency profile for the limits phase: 30 ms per request, 1 ms per record written.</summary>
    public double LatencyPerRequestMilliseconds { get; init; } = 30;

    public double LatencyPerRecordMilliseconds { get; init; } = 1;

    public const string Usage =
        "dotnet run -c Release --project tests/DualWrite.Sync.Benchmarks -- [--customers 200000] [--json FILE] [--quick]\n" +
        "    [--batch-size 1000] [--concurrency 8] [--burst 100000] [--baseline-burst 10000] [--repeat 3] [--skip-5n] [--live-only]\n" +
        "    [--latency-per-request 30] [--latency-per-record 1] [--sample 300] [--differences 100]";

    public static (BenchmarkOptions Options, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var problems = new List<string>();
        var options = new BenchmarkOptions();
        var quick = System.Linq.Enumerable.Contains(args, "--quick");
        if (quick)
        {
            // A smoke check of every phase in about a minute.
            options = options with { Quick = true, Customers = 5_000, Burst = 2_000, BaselineBurst = 500, Repeat = 1, RecordByRecordSample = 50, SeededDifferences = 20 };
        }

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Next()
            {
                if (i + 1 >= args.Count)
                {
                    problems.Add(name + " needs a value.");
                    return "0";
                }

                return args[++i];
            }

            int Int()
            {
                var text = Next();
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value <= 0)
                {
                    problems.Add(name + " '" + text + "' is not a positive whole number.");
                }

                return value;
            }

            double Milliseconds()
            {
                var text = Next();
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
                {
                    problems.Add(name + " '" + text + "' is not a number of milliseconds.");
                }

                return value;
            }

            options = name switch
            {
                "--quick" => options,
                "--skip-5n" => options with { SkipFiveN = true },
                "--live-only" => options with { LiveOnly = true },
                "--customers" => options with { Customers = Int() },
                "--batch-size" => options with { BatchSize = Int() },
                "--concurrency" => options with { Concurrency = Int() },
                "--burst" => options with { Burst = Int() },
                "--baseline-burst" => options with { BaselineBurst = Int() },
                "--repeat" => options with { Repeat = Int() },
                "--sample" => options with { RecordByRecordSample = Int() },
                "--differences" => options with { SeededDifferences = Int() },
                "--latency-per-request" => options with { LatencyPerRequestMilliseconds = Milliseconds() },
                "--latency-per-record" => options with { LatencyPerRecordMilliseconds = Milliseconds() },
                "--json" => options with { JsonFile = Next() },
                "--configuration" => options with { Configuration = Next() },
                _ => Unknown(name, problems, options),
            };
        }

        return (options, problems);
    }

    private static BenchmarkOptions Unknown(string name, List<string> problems, BenchmarkOptions options)
    {
        problems.Add("Unknown option '" + name + "'.");
        return options;
    }
}
