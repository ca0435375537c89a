using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Applying;
using DualWrite.Listener.ErrorQueue;
using DualWrite.Listener.Processing;
using DualWrite.Listener.Syncing;
using DualWrite.Listener.Tests.Applying;
using Xunit;

namespace DualWrite.Listener.Tests.ErrorQueue;

/// <summary>An error's record read from both emulators and lined up field by field.</summary>
public sealed class ErrorRecordsReaderTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_records_are_shown_side_by_side_with_the_differing_fields_marked()
    {
        await using var harness = await ApplierHarness.StartAsync();
        Assert.Equal(ApplyOutcomeKind.Applied, (await harness.Applier.ApplyAsync(harness.CustomerEvent(), None)).Kind);
        await harness.UpdateFinOpsAsync(ApplierHarness.Customer, new JsonObject { ["SalesMemo"] = "Changed in F&O only" });
        await harness.Stores.ErrorQueue.AddRecordErrorsAsync(
            [new RecordError("run-1", "Customers V3", "FinOpsToDataverse", "usmf/US-001", "SalesMemo", "refused", 400, DateTimeOffset.UtcNow)],
            None);
        var entries = new ErrorEntryStore(harness.Stores.Database);
        var catalog = new MapCatalog(MapSource.Load(null));
        await entries.SyncAsync(set => catalog.ForFinOpsEntitySet(set)?.Name ?? set, None);
        var id = (await entries.ListAsync(null, false, 10, None)).Single().Id;

        var read = await new ErrorRecordsReader(entries, catalog, harness.FinOps, harness.Dataverse, new DataverseLookupResolver(harness.Dataverse, new LookupIdCache(TimeProvider.System, TimeSpan.FromMinutes(5)), catalog, new ApplierOptions())).ReadAsync(id, None);

        Assert.True(read.Succeeded, read.Detail);
        var sides = read.Value!;
        Assert.NotNull(sides.FinOps);
        Assert.NotNull(sides.Dataverse);
        var description = Assert.Single(sides.Fields, f => f.Name == "description");
        Assert.True(description.Differs);
        Assert.Equal("Changed in F&O only", description.FinOps);
        var number = Assert.Single(sides.Fields, f => f.Name == "accountnumber");
        Assert.False(number.Differs);
        Assert.Equal("US-001", number.Dataverse);
    }
}
