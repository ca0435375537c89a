using System.Threading.Tasks;

namespace DualWrite.Emulators.Common.Tests.Auth;

/// <summary>Counts how many requests reached the next step of a pipeline.</summary>
internal sealed class Counter
{
    public int Count { get; private set; }

    public Task Increment()
    {
        Count++;
        return Task.CompletedTask;
    }
}
