using System.Text.RegularExpressions;

namespace DualWrite.Listener.Bulk.Writing;

/// <summary>
/// The field a target's refusal names, when it names one: Dataverse's "column 'name'", "attribute with Name =
/// 'name'", "The length of the 'name' attribute", F&amp;O's "field 'Name'" and the like. Null when none is named.
/// </summary>
public static partial class RefusalField
{
    public static string? Of(string? reason)
    {
        if (string.IsNullOrEmpty(reason))
        {
            return null;
        }

        var match = Named().Match(reason);
        return match.Success ? match.Groups["name"].Value : null;
    }

    [GeneratedRegex(
        @"(?:(?:column|attribute|field|property)s?\s+(?:with\s+Name\s*=\s*)?['""](?<name>[A-Za-z_][\w.]*)['""])|(?:['""](?<name>[A-Za-z_][\w.]*)['""]\s+(?:column|attribute|field|property))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex Named();
}
