using System;
using System.Threading;

namespace DualWrite.Listener.Tests.Support;

/// <summary>A clock that moves only when told (the inbox reads the time; it sets no timers).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
