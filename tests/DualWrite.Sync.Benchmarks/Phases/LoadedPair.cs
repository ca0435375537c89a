using System;
using System.IO;
using System.Threading.Tasks;
using DualWrite.TestSupport.Processes;

namespace DualWrite.Sync.Benchmarks.Phases;

/// <summary>Two emulator processes (and the data directory used with them), stopped together.</summary>
public sealed class LoadedPair : IAsyncDisposable
{
    public LoadedPair(EmulatorProcess finOps, EmulatorProcess dataverse)
    {
        FinOps = finOps;
        Dataverse = dataverse;
        DataDirectory = ListenerProcesses.NewDataDirectory("sync");
    }

    public EmulatorProcess FinOps { get; }

    public EmulatorProcess Dataverse { get; }

    public string DataDirectory { get; }

    public async ValueTask DisposeAsync()
    {
        await Dataverse.DisposeAsync().ConfigureAwait(false);
        await FinOps.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not worth failing a benchmark for.
        }
    }
}
