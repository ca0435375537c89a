using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace DualWrite.Listener.Tests.Support;

public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until true; fails with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail("Timed out after " + limit + " waiting for: " + what);
            }

            await Task.Delay(20);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, timeout);
}
