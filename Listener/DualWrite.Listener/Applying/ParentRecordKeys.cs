using System;
using System.Collections.Generic;
using DualWrite.Core.Keys;
using DualWrite.Core.Maps;

namespace DualWrite.Listener.Applying;

/// <summary>
/// The F&amp;O record key (ContextRecordSubject form) of a Dataverse record another record refers to, so an
/// event parked on a missing parent wakes when the parent's own event is applied:
/// <c>msdyn_customergroups(msdyn_groupid='10',_msdyn_company_value=...)</c> → <c>CustomerGroups(dataAreaId='usmf',CustomerGroupId='10')</c>.
/// </summary>
public static class ParentRecordKeys
{
    /// <summary>Null when no map brings the referenced table from F&amp;O or its key cannot be rebuilt (the fallback recheck then covers it).</summary>
    public static string? For(MapCatalog catalog, string referencePath, string? company)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ODataEntityPath path;
        try
        {
            path = ODataKeyParser.ParseEntityPath(referencePath);
        }
        catch (ODataKeyParseException)
        {
            return null;
        }

        var parent = catalog.ForDataverseEntitySet(path.EntitySet);
        if (parent is null || !parent.Direction.Carries(SyncDirection.FinOpsToDataverse) || path.Key.IsUnnamed)
        {
            return null;
        }

        var parts = new List<KeyValuePair<string, object>>();
        foreach (var keyField in parent.FinOps.KeyFields)
        {
            if (parent.Company is not null && keyField == parent.Company.FinOpsField)
            {
                if (company is null)
                {
                    return null;
                }

                parts.Add(new(keyField, CompanyStriping.ToFinOpsCode(company)));
                continue;
            }

            var value = ValueFor(parent, keyField, path.Key);
            if (value is null)
            {
                return null;
            }

            parts.Add(new(keyField, value));
        }

        return parent.FinOps.EntitySet + ODataKey.Named(parts).ToPredicate();
    }

    private static object? ValueFor(TableMap parent, string finOpsKeyField, ODataKey key)
    {
        foreach (var field in parent.Fields)
        {
            if (field.FinOpsField != finOpsKeyField || field.DataverseField is null)
            {
                continue;
            }

            foreach (var part in key.Parts)
            {
                if (part.Name == field.DataverseField)
                {
                    return part.Value;
                }
            }
        }

        return null;
    }
}
