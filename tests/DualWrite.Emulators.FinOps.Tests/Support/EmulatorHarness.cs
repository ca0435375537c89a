using System;
using System.Net.Http;
using System.Threading.Tasks;
using DualWrite.Emulators.FinOps.Hosting;
using DualWrite.Emulators.FinOps.Seed;

namespace DualWrite.Emulators.FinOps.Tests.Support;

/// <summary>A started emulator plus an authenticated client on its /data/ root; disposing stops both.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    private EmulatorHarness(FinOpsEmulator emulator, HttpClient http)
    {
        Emulator = emulator;
        Http = http;
    }

    public FinOpsEmulator Emulator { get; }

    public HttpClient Http { get; }

    public FinOpsEmulatorControl Control => Emulator.Control;

    public static async Task<EmulatorHarness> StartAsync(SeedOptions? seed = null, Action<FinOpsEmulatorOptions>? configure = null)
    {
        var options = new FinOpsEmulatorOptions { Seed = seed ?? SeedOptions.Small };
        options.Events.RetryInterval = TimeSpan.FromMilliseconds(50);
        configure?.Invoke(options);
        var emulator = await FinOpsEmulator.StartAsync(options);
        var http = await emulator.CreateAuthenticatedClientAsync();
        return new EmulatorHarness(emulator, http);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
