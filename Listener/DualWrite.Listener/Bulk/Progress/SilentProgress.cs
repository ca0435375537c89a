using System.Threading.Tasks;

namespace DualWrite.Listener.Bulk.Progress;

/// <summary>No display (embedded runs, tests): the summary says what happened.</summary>
public sealed class SilentProgress : IInitialSyncProgress
{
    public static SilentProgress Instance { get; } = new();

    public void Track(MapProgress map)
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
