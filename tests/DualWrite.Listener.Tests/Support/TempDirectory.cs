using System;
using System.IO;

namespace DualWrite.Listener.Tests.Support;

/// <summary>A directory deleted at dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("dualwrite-test-").FullName;
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite connection may still hold the file; the OS temp cleaner gets it.
        }
    }
}
