using System.Collections.Generic;
using DualWrite.Chaos.Records;

namespace DualWrite.Chaos.Ledger;

/// <summary>
/// One operation the run made and what the side answered. <paramref name="Values"/> holds what it wrote, by F&amp;O
/// field name (unique values: no other operation writes the same one). <paramref name="Concurrent"/>: half of an edit
/// made on both sides at the same moment.
/// </summary>
public sealed record LedgerEntry(
    long Id,
    ChaosEntity Entity,
    string Key,
    Side Side,
    OperationKind Kind,
    IReadOnlyDictionary<string, string> Values,
    Outcome Outcome,
    int Status,
    string Reason,
    bool Concurrent);
