using System;
using System.Threading.Tasks;
using DualWrite.Chaos.Reporting;

namespace DualWrite.Chaos.Tests;

/// <summary>
/// One shortened chaos run shared by the tests of <see cref="ShortChaosRunTests"/>: fixed seed, 25 s of operations
/// with faults, one listener kill kept down past F&amp;O's delivery retries, then the drain and the checks.
/// </summary>
public sealed class ShortChaosRun : IAsyncLifetime
{
    public static ChaosOptions Options { get; } = new()
    {
        Seed = 1406,
        Duration = TimeSpan.FromSeconds(25),
        Kills = 1,
        LongDowns = 1,
        Workers = 3,
        Customers = 20,
        DrainTimeout = TimeSpan.FromSeconds(60),
    };

    public ChaosFigures Figures { get; private set; } = new();

    public string Log { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var log = new System.Text.StringBuilder();
        Figures = await ChaosRun.RunAsync(Options, line => log.AppendLine(line));
        Log = log.ToString();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
