using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Chaos.Rig;

namespace DualWrite.Chaos.Faults;

/// <summary>
/// Kills the listener with SIGKILL at random points spread over the run and starts it again on the same address:
/// short downs (under a second before the restart begins) and long ones (6–12 s, past F&amp;O's 3 retries a second apart).
/// </summary>
public sealed class ListenerKiller
{
    /// <summary>F&amp;O's delivery: the first attempt and 3 retries 1 s apart; a listener down longer misses events for good.</summary>
    public static readonly TimeSpan DeliveryRetryWindow = TimeSpan.FromSeconds(3);

    private readonly ChaosRig _rig;
    private readonly Random _random;
    private readonly List<KillRecord> _kills = new();
    private readonly Action<string> _log;

    public ListenerKiller(ChaosRig rig, int seed, Action<string> log)
    {
        _rig = rig ?? throw new ArgumentNullException(nameof(rig));
        _random = new Random(seed);
        _log = log;
    }

    public IReadOnlyList<KillRecord> Kills => _kills;

    /// <summary>
    /// <paramref name="kills"/> kills, the i-th at a random point of the i-th slice of <paramref name="span"/>;
    /// <paramref name="longDowns"/> of them (chosen at random) long. Stops early when <paramref name="stop"/> fires.
    /// </summary>
    public async Task RunAsync(int kills, int longDowns, TimeSpan span, Stopwatch clock, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var longOnes = new HashSet<int>();
        while (longOnes.Count < Math.Min(longDowns, kills))
        {
            longOnes.Add(_random.Next(kills));
        }

        var slice = span / Math.Max(1, kills);
        for (var i = 0; i < kills; i++)
        {
            // In the slice's first 80 %, so the last restart happens while operations still run.
            var at = (slice * i) + (slice * (0.1 + (0.7 * _random.NextDouble())));
            var wait = at - clock.Elapsed;
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var planned = longOnes.Contains(i) ? TimeSpan.FromSeconds(6 + (6 * _random.NextDouble())) : TimeSpan.FromSeconds(_random.NextDouble());
            await KillAndRestartAsync(clock, planned).ConfigureAwait(false);
        }
    }

    private async Task KillAndRestartAsync(Stopwatch clock, TimeSpan planned)
    {
        var (_, givenUpBefore) = await _rig.FinOpsDeliveryAsync().ConfigureAwait(false);
        var at = clock.Elapsed;
        var down = Stopwatch.StartNew();
        await _rig.KillListenerAsync().ConfigureAwait(false);
        await Task.Delay(planned).ConfigureAwait(false);
        await _rig.StartListenerAsync().ConfigureAwait(false);
        down.Stop();
        var (_, givenUpAfter) = await _rig.FinOpsDeliveryAsync().ConfigureAwait(false);
        var record = new KillRecord(at.TotalSeconds, planned.TotalSeconds, down.Elapsed.TotalSeconds, down.Elapsed > DeliveryRetryWindow, givenUpAfter - givenUpBefore);
        lock (_kills)
        {
            _kills.Add(record);
        }

        _log($"  kill at {record.AtSeconds:0.0} s: down {record.DownSeconds:0.0} s (planned pause {record.PlannedDownSeconds:0.0} s), F&O gave up on {record.EventsGivenUp} event(s)");
    }
}
