using System;

namespace DualWrite.Listener.StateStore;

/// <summary>The write gate of a database that needs none: entering it does nothing.</summary>
internal sealed class NoWriteGate : IDisposable
{
    public static readonly NoWriteGate Instance = new();

    public void Dispose()
    {
    }
}
