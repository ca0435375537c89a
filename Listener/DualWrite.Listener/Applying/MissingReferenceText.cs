using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace DualWrite.Listener.Applying;

/// <summary>
/// Says which lookup a record cannot be written for, in words an operator can act on: the map, the record's key,
/// the field and its value, and the Dataverse row that is missing (its table and alternate key, with the company
/// named by its code rather than by the cdm_company id in the path).
/// </summary>
public static partial class MissingReferenceText
{
    /// <summary>E.g. <c>Vendors V2 usmf/V-0001: VendorGroupId '10' has no msdyn_vendorgroups row (msdyn_vendorgroup='10', company USMF)</c>.</summary>
    public static string Describe(string mapName, string sourceKey, string field, string path, string? company)
    {
        ArgumentNullException.ThrowIfNull(path);
        var open = path.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !path.EndsWith(')'))
        {
            return mapName + " " + sourceKey + ": " + field + " has no Dataverse row " + path;
        }

        var table = path[..open];
        var parts = SplitKey(path[(open + 1)..^1]);
        var withoutCompany = parts.Where(p => !CompanyPart().IsMatch(p)).ToList();
        var shown = parts.Select(p => CompanyPart().IsMatch(p) && company is not null ? "company " + company.ToUpperInvariant() : p);

        // A single key value is the field's own value (a group id, an account number): say it next to the field.
        var value = withoutCompany.Count == 1 && withoutCompany[0].IndexOf('=', StringComparison.Ordinal) is var eq and > 0
            ? " " + withoutCompany[0][(eq + 1)..]
            : withoutCompany.Count == 1 && !withoutCompany[0].Contains('=', StringComparison.Ordinal) ? " " + withoutCompany[0] : string.Empty;
        return mapName + " " + sourceKey + ": " + field + value + " has no " + table + " row (" + string.Join(", ", shown) + ")";
    }

    /// <summary>Splits <c>a='x,y',b=1</c> at the commas outside quotes.</summary>
    private static List<string> SplitKey(string key)
    {
        var parts = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '\'')
            {
                quoted = !quoted;
            }
            else if (key[i] == ',' && !quoted)
            {
                parts.Add(key[start..i]);
                start = i + 1;
            }
        }

        parts.Add(key[start..]);
        return parts;
    }

    [GeneratedRegex("^_msdyn_company_value=[0-9a-fA-F-]{36}$")]
    private static partial Regex CompanyPart();
}
