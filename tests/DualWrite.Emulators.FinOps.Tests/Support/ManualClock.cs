using System;
using System.Threading;

namespace DualWrite.Emulators.FinOps.Tests.Support;

/// <summary>
/// A clock the test moves by hand (Microsoft.Extensions.TimeProvider.Testing does not restore here).
/// Only the wall clock is manual; timers and timestamps stay real so Kestrel and delays behave.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks;

    public ManualClock(DateTimeOffset start)
    {
        _ticks = start.UtcTicks;
    }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
