using System.Collections.Generic;
using System.Linq;
using DualWrite.Listener.Bulk.Checkpoints;
using DualWrite.Listener.Conflicts;
using DualWrite.Listener.ErrorQueue;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.MapStates;
using DualWrite.Listener.SyncState;

namespace DualWrite.Listener.StateStore;

/// <summary>
/// Every store's DDL, in the order it runs (the error queue is a view over the inbox). Table and column
/// names are those existing databases already have: never rename them here.
/// </summary>
public static class StateSchema
{
    public static IReadOnlyList<string> Statements(SqlDialect dialect) =>
        InboxSchema.Statements
            .Concat(ErrorQueueSchema.Statements(dialect))
            .Concat(SyncStateSchema.Statements)
            .Concat(ConflictSchema.Statements(dialect))
            .Concat(MapStateSchema.Statements)
            .Concat(CheckpointSchema.Statements)
            .Concat(Recovery.ListenerRunSchema.Statements)
            .ToList();
}
