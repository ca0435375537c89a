using System;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Emulators.Common.Latency;

/// <summary>
/// Applies the current <see cref="LatencyProfile"/> to a request: an asynchronous delay on the emulator's clock, so a
/// slow request holds no thread and no store lock (the endpoints wait after their work, before they answer).
/// The profile can be changed while running (tests, the admin endpoint).
/// </summary>
public sealed class LatencySimulator
{
    private readonly TimeProvider _time;
    private LatencyProfile _profile;

    public LatencySimulator(LatencyProfile profile, TimeProvider time)
    {
        _profile = profile ?? throw new ArgumentNullException(nameof(profile));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public LatencyProfile Profile
    {
        get => Volatile.Read(ref _profile);
        set => Volatile.Write(ref _profile, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Whether record counts matter (so endpoints count records only when they change the delay).</summary>
    public bool CountsRecords => Profile.PerRecord > TimeSpan.Zero;

    /// <summary>Waits what a request writing <paramref name="records"/> records costs; returns at once when the profile is off.</summary>
    public Task DelayAsync(int records, CancellationToken cancellationToken)
    {
        var profile = Profile;
        return profile.IsEnabled ? Task.Delay(profile.CostOf(records), _time, cancellationToken) : Task.CompletedTask;
    }
}
