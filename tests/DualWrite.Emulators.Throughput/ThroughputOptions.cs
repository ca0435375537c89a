using System;
using System.Globalization;

namespace DualWrite.Emulators.Throughput;

/// <summary>The harness's command line: store size, batch shape, repetitions and which emulator.</summary>
public sealed record ThroughputOptions
{
    public int Rows { get; init; } = 200_000;

    public int BatchSize { get; init; } = 1_000;

    /// <summary>Batches written per measured run.</summary>
    public int Batches { get; init; } = 20;

    public int Concurrency { get; init; } = 8;

    public int Repeat { get; init; } = 3;

    /// <summary>Single-record requests per measured run.</summary>
    public int Singles { get; init; } = 2_000;

    public string? Only { get; init; }

    /// <summary>Without the solution's plug-in steps (the engine alone).</summary>
    public bool NoSteps { get; init; }

    public static ThroughputOptions Parse(string[] args)
    {
        var options = new ThroughputOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] == "--no-steps")
            {
                options = options with { NoSteps = true };
                i--;
                continue;
            }

            var value = args[i + 1];
            options = args[i] switch
            {
                "--rows" => options with { Rows = Number(value) },
                "--batch-size" => options with { BatchSize = Number(value) },
                "--batches" => options with { Batches = Number(value) },
                "--concurrency" => options with { Concurrency = Number(value) },
                "--repeat" => options with { Repeat = Number(value) },
                "--singles" => options with { Singles = Number(value) },
                "--only" => options with { Only = value },
                _ => throw new ArgumentException("Unknown option " + args[i]),
            };
        }

        return options;
    }

    private static int Number(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
