using System;
using System.Linq;
using DualWrite.Core.Keys;

namespace DualWrite.Listener.Applying;

/// <summary>
/// Says which lookup a record cannot be written for, in words an operator can act on: the map, the record's key,
/// the field and its value, and the Dataverse row that is missing (its table and alternate key, with the company
/// named by its code rather than by the cdm_company id in the path).
/// </summary>
public static class MissingReferenceText
{
    private const string CompanyColumn = "_msdyn_company_value";

    /// <summary>E.g. <c>Vendors V2 usmf/V-0001: VendorGroupId '10' has no msdyn_vendorgroups row (msdyn_vendorgroup='10', company USMF)</c>.</summary>
    public static string Describe(string mapName, string sourceKey, string field, string path, string? company)
    {
        ArgumentNullException.ThrowIfNull(path);
        var open = path.IndexOf('(', StringComparison.Ordinal);
        // The key is read by Core's parser, the same one that reads every other OData key; a path it cannot read is shown as it is.
        if (open <= 0 || !ODataKeyParser.TryParsePredicate(path[open..], out var key, out _))
        {
            return mapName + " " + sourceKey + ": " + field + " has no Dataverse row " + path;
        }

        var table = path[..open];
        var withoutCompany = key!.Parts.Where(p => !IsCompany(p)).ToList();
        var shown = key.Parts.Select(p => IsCompany(p) && company is not null ? "company " + company.ToUpperInvariant() : p.ToString());

        // A single key value is the field's own value (a group id, an account number): say it next to the field.
        var value = withoutCompany.Count == 1 ? " " + ODataLiteral.Format(withoutCompany[0].Value) : string.Empty;
        return mapName + " " + sourceKey + ": " + field + value + " has no " + table + " row (" + string.Join(", ", shown) + ")";
    }

    private static bool IsCompany(ODataKeyPart part) => part.Name == CompanyColumn && part.Value is Guid;
}
