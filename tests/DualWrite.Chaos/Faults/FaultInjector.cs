using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Chaos.Rig;

namespace DualWrite.Chaos.Faults;

/// <summary>
/// Throws faults at the system through the emulators' fault endpoints, one every 1–4 s drawn from the run's seed,
/// until stopped; then ends them all (<see cref="ClearAsync"/>).
/// </summary>
public sealed class FaultInjector
{
    private readonly ChaosRig _rig;
    private readonly Random _random;
    private readonly ConcurrentDictionary<FaultKind, int> _counts = new();
    private int _missed;

    public FaultInjector(ChaosRig rig, int seed)
    {
        _rig = rig ?? throw new ArgumentNullException(nameof(rig));
        _random = new Random(seed);
    }

    /// <summary>How many of each fault were injected.</summary>
    public IReadOnlyDictionary<FaultKind, int> Counts => Enum.GetValues<FaultKind>().ToDictionary(k => k, k => _counts.GetValueOrDefault(k));

    /// <summary>Faults drawn but not injected (the emulator's admin endpoint did not answer).</summary>
    public int Missed => Volatile.Read(ref _missed);

    public async Task RunAsync(CancellationToken stop)
    {
        var kinds = Enum.GetValues<FaultKind>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1 + (3 * _random.NextDouble())), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var kind = kinds[_random.Next(kinds.Length)];
            try
            {
                await InjectAsync(kind).ConfigureAwait(false);
                _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
            }
            catch (HttpRequestException)
            {
                // An emulator too busy to take the fault now: the run goes on, the fault is not counted.
                Interlocked.Increment(ref _missed);
            }
            catch (TaskCanceledException)
            {
                Interlocked.Increment(ref _missed);
            }
        }
    }

    /// <summary>Ends every fault: F&amp;O's (failures, stalls, drops, throttling), held reorders, Dataverse's storm and outage.</summary>
    public async Task ClearAsync()
    {
        await PostAsync(_rig.FinOpsAdmin, "_emulator/reset", null).ConfigureAwait(false);
        await PostAsync(_rig.FinOpsAdmin, "_emulator/events/duplicate-next", new { count = 0 }).ConfigureAwait(false);
        await PostAsync(_rig.FinOpsAdmin, "_emulator/events/release-held", null).ConfigureAwait(false);
        await PostAsync(_rig.DataverseAdmin, "_emulator/faults/reset", null).ConfigureAwait(false);
    }

    private Task InjectAsync(FaultKind kind)
    {
        var stall = ChaosRig.PlugInCallTimeoutSeconds + 2;
        return kind switch
        {
            FaultKind.FinOpsServerError => PostAsync(_rig.FinOpsAdmin, "_emulator/faults/fail-writes", new { count = 1 + _random.Next(3), status = 500 }),
            FaultKind.FinOpsTimeout => PostAsync(_rig.FinOpsAdmin, "_emulator/faults/stall-writes", new { count = 1, seconds = stall, thenProcess = false }),
            FaultKind.FinOpsLateWrite => PostAsync(_rig.FinOpsAdmin, "_emulator/faults/stall-writes", new { count = 1, seconds = stall, thenProcess = true }),
            FaultKind.FinOpsDroppedConnection => PostAsync(_rig.FinOpsAdmin, "_emulator/faults/drop-connections", new { count = 1 + _random.Next(2) }),
            FaultKind.DataverseThrottleStorm => PostAsync(_rig.DataverseAdmin, "_emulator/throttling/storm", new { seconds = 1 + (3 * _random.NextDouble()), retryAfterSeconds = 1 }),
            FaultKind.DataverseOutage => PostAsync(_rig.DataverseAdmin, "_emulator/faults/outage", new { seconds = 1 + (4 * _random.NextDouble()) }),
            FaultKind.DuplicatedDelivery => PostAsync(_rig.FinOpsAdmin, "_emulator/events/duplicate-next", new { count = 1 + _random.Next(5) }),
            FaultKind.ReorderedDelivery => PostAsync(_rig.FinOpsAdmin, "_emulator/events/reorder-next", new { count = 1 + _random.Next(3) }),
            _ => Task.CompletedTask,
        };
    }

    private static async Task PostAsync(HttpClient admin, string path, object? body)
    {
        using var answer = body is null
            ? await admin.PostAsync(path, null).ConfigureAwait(false)
            : await admin.PostAsJsonAsync(path, body).ConfigureAwait(false);
        answer.EnsureSuccessStatusCode();
    }
}
