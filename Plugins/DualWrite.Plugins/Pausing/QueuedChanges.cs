using System;
using DualWrite.Core.Pausing;
using DualWrite.Plugins.WriteThrough;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Plugins.Pausing;

/// <summary>
/// Queues a save's F&amp;O request in <see cref="QueuedChangeTable"/> inside the save's transaction: the row commits
/// with the save or not at all, so the listener sends exactly the saves that happened.
/// </summary>
public static class QueuedChanges
{
    /// <summary>Creates the row for <paramref name="plan"/> and marks the map's state row as having queued changes.</summary>
    public static Guid Queue(IOrganizationService service, string mapName, MapStateRow? stateRow, WriteThroughPlan plan, DateTime operationCreatedOnUtc)
    {
        if (service is null)
        {
            throw new ArgumentNullException(nameof(service));
        }

        if (plan?.Request is null || plan.RecordPath is null || plan.EntitySet is null)
        {
            throw new ArgumentException("Only a plan that sends a request can be queued.", nameof(plan));
        }

        var name = plan.RecordText ?? plan.RecordPath;
        var row = new Entity(QueuedChangeTable.LogicalName);
        row.Attributes[QueuedChangeTable.Name] = name.Length > QueuedChangeTable.NameLength ? name.Substring(0, QueuedChangeTable.NameLength) : name;
        row.Attributes[QueuedChangeTable.Map] = mapName;
        row.Attributes[QueuedChangeTable.EntitySetName] = plan.EntitySet;
        row.Attributes[QueuedChangeTable.FinOpsRecord] = plan.RecordPath;
        row.Attributes[QueuedChangeTable.Operation] = plan.Request.Method;
        row.Attributes[QueuedChangeTable.Body] = plan.Request.JsonBody;
        row.Attributes[QueuedChangeTable.Sequence] = operationCreatedOnUtc.Ticks;
        row.Attributes[QueuedChangeTable.Attempts] = 0;
        var id = service.Create(row);

        // Only the first queued change writes the flag: later saves read it set and leave the row (and its lock) alone.
        if (stateRow is not null && !stateRow.HasQueuedChanges)
        {
            var flag = new Entity(MapStateTable.LogicalName, stateRow.Id);
            flag.Attributes[MapStateTable.HasQueuedChanges] = true;
            service.Update(flag);
        }

        return id;
    }
}
