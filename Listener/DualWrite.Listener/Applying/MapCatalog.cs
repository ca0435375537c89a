using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Maps;
using DualWrite.MapValidation.Metadata;

namespace DualWrite.Listener.Applying;

/// <summary>The maps the listener runs, found by either side's entity set.</summary>
public sealed class MapCatalog
{
    private readonly Dictionary<string, TableMap> _byFinOps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TableMap> _byDataverse = new(StringComparer.Ordinal);
    private readonly FinOpsNullability? _finOpsNullability;

    /// <param name="maps">The maps.</param>
    /// <param name="finOpsNullability">F&amp;O's not-nullable properties (the same metadata the plug-in's steps are generated from); null: not known.</param>
    public MapCatalog(IEnumerable<TableMap> maps, FinOpsNullability? finOpsNullability = null)
    {
        ArgumentNullException.ThrowIfNull(maps);
        _finOpsNullability = finOpsNullability;
        Maps = maps.ToList();
        foreach (var map in Maps)
        {
            // The first map wins when two pair the same entity set: map validation reports the clash.
            _byFinOps.TryAdd(map.FinOps.EntitySet, map);
            _byDataverse.TryAdd(map.Dataverse.EntitySet, map);
        }
    }

    public IReadOnlyList<TableMap> Maps { get; }

    /// <summary>The map of an F&amp;O entity set (<c>CustomersV3</c>); null when no map covers it.</summary>
    public TableMap? ForFinOpsEntitySet(string entitySet) => _byFinOps.GetValueOrDefault(entitySet);

    /// <summary>The map of a Dataverse entity set (<c>accounts</c>); null when no map covers it.</summary>
    public TableMap? ForDataverseEntitySet(string entitySet) => _byDataverse.GetValueOrDefault(entitySet);

    /// <summary>The F&amp;O properties of the map's entity set that do not accept null; null when not known (F&amp;O judges).</summary>
    public IReadOnlyList<string>? FinOpsNotNullable(TableMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return _finOpsNullability?.NotNullable(map.FinOps.EntitySet);
    }
}
