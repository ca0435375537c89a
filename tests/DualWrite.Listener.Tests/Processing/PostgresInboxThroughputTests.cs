using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DualWrite.Listener.Processing;
using DualWrite.Listener.Tests.Support;
using DualWrite.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DualWrite.Listener.Tests.Processing;

/// <summary>A stream through the receiver, the PostgreSQL inbox and the worker, with its rates in the test output.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresInboxThroughputTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task A_stream_of_events_is_received_and_applied_each_once()
    {
        var applier = new RecordingApplier { Work = TimeSpan.Zero };
        await using var host = await ListenerTestHost.StartAsync(
            directory.Path,
            new Dictionary<string, string?> { ["DualWrite:Inbox:PostgresConnectionString"] = await server.CreateSchemaAsync() },
            s => s.AddSingleton<IChangeApplier>(applier));

        await ThroughputRun.RunAsync("PostgreSQL", host, applier, output);
    }
}
