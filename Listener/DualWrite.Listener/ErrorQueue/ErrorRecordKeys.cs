using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DualWrite.Core.Keys;
using DualWrite.Core.Maps;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>
/// The F&amp;O key of an error entry's record. A live failure's key is the record's entity path
/// (<c>CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>); a bulk failure's is the mapping's source key, the
/// key fields' values joined by '/' in the map's key order (<c>usmf/US-001</c>).
/// </summary>
public static class ErrorRecordKeys
{
    /// <summary>The entity path to read or queue, or null and the problem.</summary>
    public static (ODataKey? Key, string? Company, string? Problem) FinOpsKey(TableMap map, ErrorEntry entry)
    {
        System.ArgumentNullException.ThrowIfNull(map);
        System.ArgumentNullException.ThrowIfNull(entry);
        if (entry.Source == ErrorSource.Event || entry.Key.StartsWith(map.FinOps.EntitySet + "(", System.StringComparison.Ordinal))
        {
            return (null, null, null);
        }

        var values = entry.Key.Split('/');
        var keyFields = map.FinOps.KeyFields.ToList();
        if (values.Length != keyFields.Count)
        {
            return (null, null, "key " + entry.Key + " does not have the " + keyFields.Count.ToString(CultureInfo.InvariantCulture) + " parts of " + string.Join(", ", keyFields) + ".");
        }

        var key = ODataKey.Named(keyFields.Select((field, i) => new KeyValuePair<string, object>(field, values[i])));
        var companyIndex = map.Company is null ? -1 : keyFields.IndexOf(map.Company.FinOpsField);
        return (key, companyIndex < 0 ? string.Empty : values[companyIndex], null);
    }

    /// <summary>The record's F&amp;O entity path (what events carry as their record key).</summary>
    public static (string? Path, string? Problem) FinOpsPath(TableMap map, ErrorEntry entry)
    {
        var (key, _, problem) = FinOpsKey(map, entry);
        if (problem is not null)
        {
            return (null, problem);
        }

        return (key is null ? entry!.Key : map!.FinOps.EntitySet + key.ToPredicate(), null);
    }
}
