using System;
using System.Collections.Generic;

namespace DualWrite.Listener.Recovery;

/// <summary>
/// What a catch-up did: the maps reconciled (and those left out, with why), F&amp;O rows compared, records written to
/// Dataverse (created or updated), records removed (deleted in F&amp;O), records it could not fix, and how long it took.
/// </summary>
public sealed record CatchUpSummary(
    IReadOnlyList<string> Maps,
    IReadOnlyList<string> LeftOut,
    long Compared,
    long Fixed,
    long Removed,
    long NotFixed,
    TimeSpan Elapsed);
