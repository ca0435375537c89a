using System;
using System.Collections.Generic;
using System.Globalization;
using DualWrite.Core.Events;
using DualWrite.Listener.Inbox;

namespace DualWrite.Listener.Receiving;

/// <summary>Names each field in which a delivery differs from the event stored under the same EventId.</summary>
public static class EventContentDifferences
{
    /// <summary>One line a field, <c>ControlNumber: stored 5, received 6</c>; empty when they agree.</summary>
    public static IReadOnlyList<string> Between(InboxEvent stored, FinOpsChangeEvent received)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(received);
        var differences = new List<string>();
        Compare(differences, "ContextRecordSubject", stored.RecordKey, received.ContextRecordSubject);
        Compare(differences, "BusinessEventLegalEntity", stored.LegalEntity, received.LegalEntity);
        Compare(differences, "Operation", stored.Operation.ToString(), received.Operation.ToString());
        Compare(
            differences,
            "ControlNumber",
            stored.ControlNumber.ToString(CultureInfo.InvariantCulture),
            received.ControlNumber.ToString(CultureInfo.InvariantCulture));
        Compare(
            differences,
            "EventTime",
            FinOpsChangeEventJson.FormatDate(stored.EventTime.UtcDateTime),
            FinOpsChangeEventJson.FormatDate(received.EventTimeUtc));
        return differences;
    }

    private static void Compare(List<string> differences, string field, string stored, string received)
    {
        if (!string.Equals(stored, received, StringComparison.Ordinal))
        {
            differences.Add(field + ": stored '" + stored + "', received '" + received + "'");
        }
    }
}
