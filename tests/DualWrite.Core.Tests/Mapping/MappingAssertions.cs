using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Mapping;

namespace DualWrite.Core.Tests.Mapping;

internal static class MappingAssertions
{
    /// <summary>The payload as "name = value" lines, so a whole payload compares in one assertion.</summary>
    public static IReadOnlyList<string> Lines(this MappingResult result) => result.Payload.Select(p => p.ToString()).ToList();

    public static IReadOnlyList<string> ErrorSentences(this MappingResult result) => result.Errors.Select(e => e.ToString()).ToList();
}
