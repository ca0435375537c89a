using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Processing;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Applying;

/// <summary>The write-through half of the applier: F&amp;O changes made by our plug-in, matched against its ledger.</summary>
public sealed partial class ChangeApplier
{
    private static readonly TimeSpan FirstLedgerCheck = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Null when the write-through's Dataverse save committed (its ledger row is there, now cleared) and the event
    /// goes on as any other; otherwise the outcome: wait for the save to end, or the revert of F&amp;O's change.
    /// </summary>
    private async Task<ApplyOutcome?> SettleWriteThroughAsync(
        TableMap map, InboxEvent inboxEvent, FinOpsChangeEvent changeEvent, string finOpsPath, JsonObject? finOpsRecord, CancellationToken cancellationToken)
    {
        var row = await _ledger.FindOldestAsync(finOpsPath, cancellationToken).ConfigureAwait(false);
        if (!row.Succeeded)
        {
            return ErrorOutcomes.From(row.Error, "Map '" + map.Name + "': read the write-through ledger for " + finOpsPath);
        }

        if (row.Value is { } id)
        {
            // A row left behind (Dataverse refused the delete) only makes a later rolled-back save look committed
            // once; its event then copies F&O's values to Dataverse, as before the ledger existed.
            var deleted = await _ledger.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
            if (!deleted.Succeeded)
            {
                LogLedgerRowKept(id, finOpsPath, deleted.Error.ToString());
            }

            return null;
        }

        var changedAt = changeEvent.EventTimeUtc < inboxEvent.FirstReceivedAt.UtcDateTime ? changeEvent.EventTimeUtc : inboxEvent.FirstReceivedAt.UtcDateTime;
        var waited = _time.GetUtcNow().UtcDateTime - changedAt;
        if (waited < _options.WriteThroughSettle)
        {
            // Most saves commit within milliseconds: look again soon, then less often, never past the settle time.
            var delay = TimeSpan.FromTicks(FirstLedgerCheck.Ticks << Math.Min(inboxEvent.Attempts, 8));
            var remaining = _options.WriteThroughSettle - waited;
            return ApplyOutcome.RetryLater(
                "Map '" + map.Name + "': " + finOpsPath + " was written by the DualWrite plug-in; waiting up to " + _options.WriteThroughSettle
                + " for its Dataverse save to commit before anything is copied back.",
                (delay < remaining ? delay : remaining) + TimeSpan.FromMilliseconds(50));
        }

        return await RevertAsync(map, changeEvent, finOpsPath, finOpsRecord, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The save never committed: F&amp;O goes back to what Dataverse holds (the record, or its absence).</summary>
    private async Task<ApplyOutcome> RevertAsync(TableMap map, FinOpsChangeEvent changeEvent, string finOpsPath, JsonObject? finOpsRecord, CancellationToken cancellationToken)
    {
        var source = finOpsRecord is null ? KeyRecord(map, changeEvent) : FinOpsRecordReader.Read(map, finOpsRecord);
        var (result, problem) = await MapAsync(map, source, finOpsRecord is null ? SyncOperation.Update : SyncOperation.Create, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var context = "Map '" + map.Name + "', key " + result!.SourceKey;
        var current = await ReadCurrentAsync(map, result.TargetKey!, DataverseRecordReader.SelectForFinOps(map), cancellationToken).ConfigureAwait(false);
        if (!current.Succeeded)
        {
            return ErrorOutcomes.From(current.Error, context + ": read the Dataverse record to revert F&O's " + finOpsPath);
        }

        string action;
        if (current.Value is null)
        {
            if (finOpsRecord is null)
            {
                return ApplyOutcome.Skipped(context + ": the write-through's save rolled back and neither side has the record.");
            }

            var deleteProblem = await _writeBack.DeleteAsync(map, finOpsPath, cancellationToken).ConfigureAwait(false);
            if (deleteProblem is not null)
            {
                return deleteProblem;
            }

            action = "deleted the record its create added";
        }
        else
        {
            var (written, writeProblem) = await _writeBack.WriteAsync(map, current.Value, finOpsPath, finOpsRecord, null, cancellationToken).ConfigureAwait(false);
            if (writeProblem is not null)
            {
                return writeProblem;
            }

            action = finOpsRecord is null ? "created the record again from Dataverse" : written == 0 ? "found F&O already equal to Dataverse" : "wrote back Dataverse's " + written + " value(s)";
        }

        LogReverted(map.Name, result.SourceKey, finOpsPath, action);
        return ApplyOutcome.Applied;
    }

    /// <summary>The record an event's key alone describes (the F&amp;O record itself is gone).</summary>
    private static DataRecord KeyRecord(TableMap map, FinOpsChangeEvent changeEvent)
    {
        var fields = new List<KeyValuePair<string, RecordValue>>();
        string? company = null;
        foreach (var part in changeEvent.EntityKey.Parts)
        {
            var value = part.Value switch
            {
                string text => RecordValue.FromString(text),
                long integer => RecordValue.FromInteger(integer),
                int integer => RecordValue.FromInteger(integer),
                decimal number => RecordValue.FromDecimal(number),
                Guid id => RecordValue.FromGuid(id),
                bool flag => RecordValue.FromBoolean(flag),
                var other => RecordValue.FromString(other.ToString()),
            };
            fields.Add(new(part.Name ?? map.FinOps.KeyFields[0], value));
            if (map.Company is not null && part.Name == map.Company.FinOpsField)
            {
                company = part.Value.ToString();
            }
        }

        return new DataRecord(fields, company);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Map '{Map}', key {Key}: the Dataverse save behind F&O's change to {Record} rolled back; reverted F&O ({Action})")]
    private partial void LogReverted(string map, string key, string record, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Write-through ledger row {Id} for {Record} could not be cleared: {Error}")]
    private partial void LogLedgerRowKept(Guid id, string record, string error);
}
