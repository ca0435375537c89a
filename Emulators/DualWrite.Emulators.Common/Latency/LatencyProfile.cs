using System;

namespace DualWrite.Emulators.Common.Latency;

/// <summary>
/// How long a request takes on a real service, beyond the emulator's own work: a fixed cost per request plus a cost
/// per record it writes (a bulk action or a $batch counts each of its records; any other request counts one).
/// Off (<see cref="None"/>) by default, so tests and volume runs measure the emulator itself.
/// </summary>
public sealed record LatencyProfile
{
    public static LatencyProfile None { get; } = new();

    /// <summary>Added once to every request.</summary>
    public TimeSpan PerRequest { get; init; }

    /// <summary>Added for each record the request writes.</summary>
    public TimeSpan PerRecord { get; init; }

    public bool IsEnabled => PerRequest > TimeSpan.Zero || PerRecord > TimeSpan.Zero;

    /// <summary>The delay of a request that writes <paramref name="records"/> records (at least one is counted).</summary>
    public TimeSpan CostOf(int records) => PerRequest + (PerRecord * Math.Max(1, records));

    /// <summary>A profile from milliseconds, as the command line and the admin endpoint give them.</summary>
    public static LatencyProfile FromMilliseconds(double perRequest, double perRecord)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perRequest);
        ArgumentOutOfRangeException.ThrowIfNegative(perRecord);
        return new LatencyProfile { PerRequest = TimeSpan.FromMilliseconds(perRequest), PerRecord = TimeSpan.FromMilliseconds(perRecord) };
    }
}
