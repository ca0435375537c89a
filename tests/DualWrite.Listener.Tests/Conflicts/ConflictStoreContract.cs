using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Conflicts;
using DualWrite.Listener.Tests.StateStore;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.Conflicts;

/// <summary>The contract every <see cref="DualWrite.Listener.Conflicts.IConflictStore"/> keeps, run against SQLite and a real PostgreSQL.</summary>
public abstract class ConflictStoreContract : StateStoreContract
{
    [Fact]
    public async Task Conflicts_are_queued_listed_and_resolved_once()
    {
        var conflict = new NewConflict(TestEvents.CustomerKey("A"), "customers", "e1", "{\"name\":\"F\"}", "{\"name\":\"D\"}", "{\"name\":\"B\"}", "name changed on both sides");
        var id = await Conflicts.AddConflictAsync(conflict, None);
        var other = await Conflicts.AddConflictAsync(conflict with { EventId = null, LastSyncedJson = null }, None);

        var open = await Conflicts.GetOpenConflictsAsync(10, None);
        Assert.Equal([id, other], open.Select(c => c.Id));
        Assert.Equal(conflict, open[0].Conflict);
        Assert.Null(open[1].Conflict.EventId);

        Assert.True(await Conflicts.ResolveConflictAsync(id, "kept F&O", None));
        Assert.False(await Conflicts.ResolveConflictAsync(id, "again", None));
        Assert.Equal(other, Assert.Single(await Conflicts.GetOpenConflictsAsync(10, None)).Id);
    }
}
