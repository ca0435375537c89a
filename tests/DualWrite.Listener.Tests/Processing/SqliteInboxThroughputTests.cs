using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DualWrite.Listener.Processing;
using DualWrite.Listener.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DualWrite.Listener.Tests.Processing;

/// <summary>A stream through the receiver, the SQLite inbox and the worker, with its rates in the test output.</summary>
public sealed class SqliteInboxThroughputTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Fact]
    public async Task A_stream_of_events_is_received_and_applied_each_once()
    {
        var applier = new RecordingApplier { Work = TimeSpan.Zero };
        await using var host = await ListenerTestHost.StartAsync(directory.Path, services: s => s.AddSingleton<IChangeApplier>(applier));

        await ThroughputRun.RunAsync("SQLite", host, applier, output);
    }
}
