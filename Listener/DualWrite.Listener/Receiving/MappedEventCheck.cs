using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Events;
using DualWrite.Listener.Applying;

namespace DualWrite.Listener.Receiving;

/// <summary>
/// What a well-formed event must also be before it is stored: our change event (not another business event
/// posted to this endpoint), for an entity set a map syncs, with a key naming exactly that map's F&amp;O key
/// fields. Refused at the door, the sender's error log shows it; stored, it would only be skipped or fail later.
/// </summary>
public static class MappedEventCheck
{
    /// <summary>Every problem found; empty when the event fits. Without a catalog only the event class is checked.</summary>
    public static IReadOnlyList<string> Problems(FinOpsChangeEvent changeEvent, MapCatalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(changeEvent);
        var problems = new List<string>();
        if (!string.Equals(changeEvent.BusinessEventId, FinOpsChangeEvent.ChangeEventId, StringComparison.Ordinal))
        {
            problems.Add("BusinessEventId '" + changeEvent.BusinessEventId + "' is not the change event this endpoint takes ("
                + FinOpsChangeEvent.ChangeEventId + ").");
        }

        if (catalog is null)
        {
            return problems;
        }

        var map = catalog.ForFinOpsEntitySet(changeEvent.EntitySet);
        if (map is null)
        {
            var near = catalog.Maps.FirstOrDefault(m => string.Equals(m.FinOps.EntitySet, changeEvent.EntitySet, StringComparison.OrdinalIgnoreCase));
            problems.Add("EntitySet '" + changeEvent.EntitySet + "' is synced by no map"
                + (near is null ? string.Empty : " (entity set names are case-sensitive: did you mean '" + near.FinOps.EntitySet + "'?)")
                + "; the maps sync " + string.Join(", ", catalog.Maps.Select(m => m.FinOps.EntitySet).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) + ".");
            return problems;
        }

        var given = changeEvent.EntityKey.Parts.Select(p => p.Name ?? string.Empty).ToList();
        var expected = map.FinOps.KeyFields;
        if (given.Count != expected.Count || expected.Any(field => !given.Contains(field, StringComparer.Ordinal)))
        {
            problems.Add("EntityKey '" + changeEvent.EntityKey.ToPredicate() + "' does not name the key of " + changeEvent.EntitySet
                + " (map '" + map.Name + "'): " + string.Join(", ", expected) + ".");
        }

        return problems;
    }
}
