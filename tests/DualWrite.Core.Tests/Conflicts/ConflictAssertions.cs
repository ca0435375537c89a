using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Conflicts;

namespace DualWrite.Core.Tests.Conflicts;

internal static class ConflictAssertions
{
    /// <summary>The columns written, as "column = value", in field order.</summary>
    public static IReadOnlyList<string> Written(this ConflictResolution resolution) =>
        resolution.ToWrite.Select(d => d.Field.DataverseField + " = " + d.Value).ToList();

    public static IReadOnlyList<string> Kept(this ConflictResolution resolution) =>
        resolution.KeptInDataverse.Select(d => d.Field.DataverseField + " = " + d.Value).ToList();

    public static FieldDecision DecisionFor(this ConflictResolution resolution, string column) =>
        resolution.Decisions.Single(d => d.Field.DataverseField == column);
}
