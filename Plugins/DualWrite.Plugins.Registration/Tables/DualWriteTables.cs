using System.Collections.Generic;
using DualWrite.Core.Ledger;
using DualWrite.Core.Pausing;

namespace DualWrite.Plugins.Registration.Tables;

/// <summary>
/// The tables the plug-in and the listener share in Dataverse, declared by the solution so importing it creates
/// them. Column names come from Core, the one place both sides read them from.
/// </summary>
public static class DualWriteTables
{
    public static IReadOnlyList<TableDefinition> All { get; } =
    [
        new(
            WriteThroughLedgerTable.LogicalName,
            WriteThroughLedgerTable.EntitySet,
            "DualWrite write-through",
            "DualWrite write-throughs",
            "One row per save the plug-in wrote through to F&O, committed with the save; the listener matches and removes them.",
            [
                new(WriteThroughLedgerTable.Name, "Record", "The record as users name it.", TableColumnKind.Text, WriteThroughLedgerTable.NameLength, Required: true),
                new(WriteThroughLedgerTable.Map, "Map", "The map's name.", TableColumnKind.Text, 100, Required: true),
                new(WriteThroughLedgerTable.FinOpsRecord, "F&O record", "The F&O record's OData path.", TableColumnKind.Text, 1000, Required: true),
                new(WriteThroughLedgerTable.Operation, "Operation", "POST, PATCH or DELETE.", TableColumnKind.Text, 10, Required: true),
            ]),
        new(
            MapStateTable.LogicalName,
            MapStateTable.EntitySet,
            "DualWrite map state",
            "DualWrite map states",
            "Each map's state, mirrored by the listener; the plug-in reads its map's row on each save.",
            [
                new(MapStateTable.Name, "Map", "The map's name.", TableColumnKind.Text, MapStateTable.NameLength, Required: true),
                new(MapStateTable.State, "State", "NotRunning, InitialSync, Running, Paused or CatchingUp.", TableColumnKind.Text, 20, Required: true),
                new(MapStateTable.Reason, "Reason", "Why the operator paused or stopped the map.", TableColumnKind.Text, MapStateTable.ReasonLength),
                new(MapStateTable.ChangedOn, "Changed on", "When the listener saw the state change.", TableColumnKind.DateTime),
                new(MapStateTable.HasQueuedChanges, "Has queued changes", "Saves queued while the map was paused still wait to be sent to F&O.", TableColumnKind.Boolean),
            ],
            MapStateTable.NameKey,
            [MapStateTable.Name]),
        new(
            QueuedChangeTable.LogicalName,
            QueuedChangeTable.EntitySet,
            "DualWrite queued change",
            "DualWrite queued changes",
            "Saves of a paused map whose step queues them; the listener sends them to F&O in order once the map runs, then deletes them.",
            [
                new(QueuedChangeTable.Name, "Record", "The record as users name it.", TableColumnKind.Text, QueuedChangeTable.NameLength, Required: true),
                new(QueuedChangeTable.Map, "Map", "The map's name.", TableColumnKind.Text, 100, Required: true),
                new(QueuedChangeTable.EntitySetName, "F&O entity set", "Where a create is posted.", TableColumnKind.Text, 100, Required: true),
                new(QueuedChangeTable.FinOpsRecord, "F&O record", "The F&O record's OData path.", TableColumnKind.Text, 1000, Required: true),
                new(QueuedChangeTable.Operation, "Operation", "POST, PATCH or DELETE.", TableColumnKind.Text, 10, Required: true),
                new(QueuedChangeTable.Body, "Body", "The request's JSON body.", TableColumnKind.Memo, 1048576),
                new(QueuedChangeTable.Sequence, "Sequence", "The save's position (ticks of its operation's creation time).", TableColumnKind.BigInteger, Required: true),
                new(QueuedChangeTable.Attempts, "Attempts", "How often F&O refused it.", TableColumnKind.Integer),
                new(QueuedChangeTable.LastError, "Last error", "F&O's last refusal.", TableColumnKind.Text, QueuedChangeTable.LastErrorLength),
            ]),
    ];
}
