using System;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Embedded;

/// <summary>
/// The demo, in one command: both emulators, the plug-in and the listener in this process. Arguments are
/// configuration overrides (<c>--DualWrite:Embedded:FinOpsPort=0</c>, any <c>--DualWrite:*</c> listener setting).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return await EmbeddedRun.RunAsync(args, Console.Out, stop.Token).ConfigureAwait(false);
    }
}
