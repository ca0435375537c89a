using System;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Listener.Applying;
using DualWrite.Listener.ErrorQueue;
using DualWrite.Listener.Syncing;
using DualWrite.Listener.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace DualWrite.Listener.Tests.ErrorQueue;

public sealed class ErrorQueueRetentionTests
{
    private const string Map = "Customers V3";

    [Fact]
    public async Task Settled_entries_are_purged_after_the_retention_and_open_ones_are_kept()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var stores = StateStores.InTemporarySqlite(time);
        await stores.Database.InitializeAsync(CancellationToken.None);
        var entries = new ErrorEntryStore(stores.Database);
        var operations = new ErrorOperations(entries, stores.ErrorQueue, stores.Inbox, new MapCatalog(MapSource.Load(null)), time, NullLogger<ErrorOperations>.Instance);
        var maintenance = new ErrorQueueMaintenance(operations, entries, Microsoft.Extensions.Options.Options.Create(new ErrorQueueOptions { RetentionDays = 30 }), time, NullLogger<ErrorQueueMaintenance>.Instance);
        await stores.ErrorQueue.AddRecordErrorsAsync(
            [
                new RecordError("run-1", Map, "FinOpsToDataverse", "usmf/K1", null, "kept open", 400, time.GetUtcNow()),
                new RecordError("run-1", Map, "FinOpsToDataverse", "usmf/K2", null, "discarded", 400, time.GetUtcNow()),
            ],
            CancellationToken.None);
        var listed = (await operations.ListAsync(null, 10, false, CancellationToken.None)).Value!;
        var toDiscard = Assert.Single(listed, e => e.Key == "usmf/K2");
        await operations.DiscardAsync(toDiscard.Id, "test", CancellationToken.None);

        time.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await maintenance.SweepAsync(CancellationToken.None));
        Assert.Equal(2, (await operations.ListAsync(null, 10, includeSettled: true, CancellationToken.None)).Value!.Count);

        time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await maintenance.SweepAsync(CancellationToken.None));
        var left = Assert.Single((await operations.ListAsync(null, 10, includeSettled: true, CancellationToken.None)).Value!);
        Assert.Equal("usmf/K1", left.Key);
        Assert.Equal(ErrorEntryStatus.Open, left.Status);
    }

    [Fact]
    public void Options_refuse_a_retention_below_one_day()
    {
        var result = new ErrorQueueOptionsValidator().Validate(null, new ErrorQueueOptions { RetentionDays = 0 });

        Assert.True(result.Failed);
        Assert.Contains("DualWrite:ErrorQueue:RetentionDays", result.FailureMessage, StringComparison.Ordinal);
    }
}
