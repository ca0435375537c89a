using DualWrite.Core.Maps;
using DualWrite.Listener.Bulk.Progress;
using DualWrite.Listener.Bulk.Reading;
using DualWrite.Listener.Bulk.Reports;

namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>What one map's load needs to know: the run, the map and its side, where it starts, and where errors and progress go.</summary>
internal sealed record MapLoadContext(
    string RunId,
    TableMap Map,
    int Wave,
    SyncDirection Direction,
    string? Company,
    RecordCursor? StartAfter,
    bool Resumed,
    MapProgress Progress,
    RecordErrorReport? Report);
