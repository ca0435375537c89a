using System;
using System.Linq;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Listener.Bulk.Checkpoints;
using DualWrite.Listener.Tests.StateStore;

namespace DualWrite.Listener.Tests.Bulk.Checkpoints;

/// <summary>The contract every <see cref="ISyncCheckpointStore"/> keeps, run against SQLite and a real PostgreSQL.</summary>
public abstract class SyncCheckpointStoreContract : StateStoreContract
{
    protected abstract ISyncCheckpointStore Checkpoints { get; }

    [Fact]
    public async Task A_checkpoint_is_kept_per_map_direction_and_company_and_written_over()
    {
        var started = Time.GetUtcNow();
        var first = new SyncCheckpoint("Customers V3", SyncDirection.FinOpsToDataverse, string.Empty, "run-1", CheckpointStatus.Running, null, 0, 0, 0, started, started);
        await Checkpoints.SaveAsync(first, None);
        await Checkpoints.SaveAsync(first with { Company = "usmf" }, None);
        await Checkpoints.SaveAsync(first with { Direction = SyncDirection.DataverseToFinOps }, None);
        Assert.Equal(first, await Checkpoints.GetAsync("Customers V3", SyncDirection.FinOpsToDataverse, string.Empty, None));

        Time.Advance(TimeSpan.FromSeconds(5));
        var cursor = "[[\"dataAreaId\",\"usmf\"],[\"CustomerAccount\",\"C0100\"]]";
        await Checkpoints.SaveAsync(first with { CursorJson = cursor, Read = 100, Written = 98, Failed = 2, Status = CheckpointStatus.Completed }, None);

        var read = await Checkpoints.GetAsync("Customers V3", SyncDirection.FinOpsToDataverse, string.Empty, None);
        Assert.Equal(first with { CursorJson = cursor, Read = 100, Written = 98, Failed = 2, Status = CheckpointStatus.Completed, UpdatedAt = Time.GetUtcNow() }, read);
        Assert.False(read!.IsUnfinished);
        Assert.Null(await Checkpoints.GetAsync("Vendors V2", SyncDirection.FinOpsToDataverse, string.Empty, None));
        Assert.Equal(3, (await Checkpoints.ListAsync(None)).Count);
        Assert.Equal(2, (await Checkpoints.ListAsync(None)).Count(c => c.IsUnfinished));
    }
}
