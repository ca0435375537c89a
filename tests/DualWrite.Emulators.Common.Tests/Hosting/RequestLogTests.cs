using System;
using System.Linq;
using DualWrite.Emulators.Common.Hosting;

namespace DualWrite.Emulators.Common.Tests.Hosting;

public sealed class RequestLogTests
{
    [Fact]
    public void Only_the_most_recent_entries_are_kept_oldest_first()
    {
        var log = new RequestLog(capacity: 2);

        foreach (var target in new[] { "/a", "/b", "/c" })
        {
            log.Add(new RequestLogEntry(DateTimeOffset.UnixEpoch, "GET", target, 200, TimeSpan.Zero, Client: null));
        }

        Assert.Equal(["/b", "/c"], log.Entries.Select(e => e.Target));
        log.Clear();
        Assert.Empty(log.Entries);
    }

    [Fact]
    public void A_capacity_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestLog(0));
    }
}
