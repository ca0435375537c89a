using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace DualWrite.Chaos;

/// <summary>What a chaos run does: its seed, how long or how many operations, how many listener kills, and where figures go.</summary>
public sealed record ChaosOptions
{
    public const string Usage = "Usage: dotnet run -c Release --project tests/DualWrite.Chaos -- [--seed N] [--duration 60s|5m] [--operations N] [--kills N] [--long-downs N] [--workers N] [--customers N] [--json FILE] [--configuration Debug|Release] [--drain-timeout 5m] [--form-defaults] [--quiet]";

    /// <summary>Seeds every random choice: operations, values, faults and kill times.</summary>
    public int Seed { get; init; } = 14;

    /// <summary>How long operations run (with faults); the run stops at this or at <see cref="Operations"/>, whichever comes first.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Operations to issue (both sides together); null: as many as <see cref="Duration"/> allows.</summary>
    public int? Operations { get; init; }

    /// <summary>Listener kills (SIGKILL) spread over the run.</summary>
    public int Kills { get; init; } = 3;

    /// <summary>How many of the kills keep the listener down longer than F&amp;O's delivery retries (3 × 1 s).</summary>
    public int LongDowns { get; init; } = 1;

    /// <summary>Concurrent operation issuers.</summary>
    public int Workers { get; init; } = 4;

    /// <summary>F&amp;O's seeded customers (the initial sync copies them before the run).</summary>
    public int Customers { get; init; } = 40;

    /// <summary>How long the system may take to drain after the faults stop.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Dataverse creates also fill the columns whose F&amp;O properties take no null (credit limit, on-hold status, ...),
    /// as a form with defaults would; off: they are left empty, as a minimal form leaves them.
    /// </summary>
    public bool FormDefaults { get; init; }

    public string? JsonFile { get; init; }

    /// <summary>The build configuration whose emulators and listener run (default: this program's own).</summary>
    public string Configuration { get; init; } = OwnConfiguration();

    /// <summary>Progress lines on standard output.</summary>
    public bool Verbose { get; init; } = true;

    public static (ChaosOptions Options, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new ChaosOptions();
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value()
            {
                if (i + 1 >= args.Count)
                {
                    problems.Add(name + " needs a value.");
                    return string.Empty;
                }

                return args[++i];
            }

            switch (name)
            {
                case "--seed": options = options with { Seed = Integer(name, Value(), problems, 0) }; break;
                case "--duration": options = options with { Duration = Span(name, Value(), problems) }; break;
                case "--operations": options = options with { Operations = Integer(name, Value(), problems, 1) }; break;
                case "--kills": options = options with { Kills = Integer(name, Value(), problems, 0) }; break;
                case "--long-downs": options = options with { LongDowns = Integer(name, Value(), problems, 0) }; break;
                case "--workers": options = options with { Workers = Integer(name, Value(), problems, 1) }; break;
                case "--customers": options = options with { Customers = Integer(name, Value(), problems, 0) }; break;
                case "--drain-timeout": options = options with { DrainTimeout = Span(name, Value(), problems) }; break;
                case "--json": options = options with { JsonFile = Path.GetFullPath(Value()) }; break;
                case "--configuration": options = options with { Configuration = Value() }; break;
                case "--quiet": options = options with { Verbose = false }; break;
                case "--form-defaults": options = options with { FormDefaults = true }; break;
                default: problems.Add("Unknown option " + name + "."); break;
            }
        }

        if (options.LongDowns > options.Kills)
        {
            problems.Add("--long-downs (" + options.LongDowns + ") cannot exceed --kills (" + options.Kills + ").");
        }

        return (options, problems);
    }

    private static int Integer(string name, string text, List<string> problems, int minimum)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        problems.Add(name + " must be a whole number of at least " + minimum + " (got '" + text + "').");
        return minimum;
    }

    /// <summary>"90", "90s", "5m" or "00:05:00".</summary>
    private static TimeSpan Span(string name, string text, List<string> problems)
    {
        if (text.EndsWith('m') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0)
        {
            return TimeSpan.FromMinutes(minutes);
        }

        var seconds = text.EndsWith('s') ? text[..^1] : text;
        if (double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return TimeSpan.FromSeconds(value);
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }

        problems.Add(name + " must be a positive time such as 90s, 5m or 00:05:00 (got '" + text + "').");
        return TimeSpan.FromMinutes(1);
    }

    /// <summary>bin/&lt;Configuration&gt;/net10.0/: the configuration this program was built in.</summary>
    private static string OwnConfiguration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
}
