using System;
using System.IO;

namespace DualWrite.Corpus.Tests.Support;

/// <summary>A fresh folder under the temp directory, deleted on dispose (a state store's data directory).</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("dualwrite-corpus-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold a file; the OS temp cleaner gets it.
        }
    }
}
