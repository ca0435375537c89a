using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace DualWrite.EndToEnd.Tests.Support;

internal static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds; fails naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                Assert.Fail("Timed out after " + limit + " waiting for: " + what);
            }

            await Task.Delay(25);
        }
    }
}
