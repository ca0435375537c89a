using System.Collections.Generic;

namespace DualWrite.Chaos.Checking;

/// <summary>
/// The record-by-record verdict. Lost: accepted operations not reflected on both sides. Left behind: refused
/// operations whose effect shows on a side. Duplicated: keys with more than one row on a side. Unknown: operations
/// that got no answer (their records are compared side to side only). Stray: rows with the run's prefix it never made.
/// </summary>
public sealed record CheckResult(
    int AcceptedChecked,
    int Lost,
    int RefusedChecked,
    int LeftBehind,
    int Duplicated,
    int Unknown,
    int Stray,
    int SidesDisagree,
    IReadOnlyList<Finding> Examples);
