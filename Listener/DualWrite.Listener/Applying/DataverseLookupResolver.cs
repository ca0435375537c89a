using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Keys;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.OData;
using DualWrite.Listener.Processing;

namespace DualWrite.Listener.Applying;

/// <summary>
/// Answers the mapping engine's Dataverse questions (ids of companies, parents and key parts) and finds the
/// id of every record a payload binds to, which both proves the referenced record exists (a missing one
/// parks the event on that record) and lets the current lookup value be compared by id.
/// </summary>
public sealed class DataverseLookupResolver
{
    private readonly DataverseClient _dataverse;
    private readonly LookupIdCache _cache;
    private readonly MapCatalog _catalog;
    private readonly ApplierOptions _options;

    public DataverseLookupResolver(DataverseClient dataverse, LookupIdCache cache, MapCatalog catalog, ApplierOptions options)
    {
        _dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>Finds each id and adds it to <paramref name="resolved"/>; returns an outcome when one cannot be found (null: all found).</summary>
    public async Task<ApplyOutcome?> ResolveAsync(TableMap map, string sourceKey, string? company, IReadOnlyList<LookupToResolve> pending, ResolvedLookups resolved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(resolved);
        foreach (var lookup in pending)
        {
            if (_cache.TryGet(lookup.Path, out var cached))
            {
                resolved.AddId(lookup.Path, cached);
                continue;
            }

            var found = lookup.Key is not null && DataverseKeyBuilder.HasCharactersRejectedInAlternateKeys(lookup.Key)
                ? await _dataverse.FindIdByFilterAsync(lookup.EntitySet, lookup.LogicalName, FilterFor(lookup.Key), cancellationToken).ConfigureAwait(false)
                : await _dataverse.FindIdAsync(lookup.Path, lookup.LogicalName, cancellationToken).ConfigureAwait(false);
            if (!found.Succeeded)
            {
                return ErrorOutcomes.From(found.Error, "Map '" + map.Name + "', key " + sourceKey + ": find " + lookup.Path + " for " + lookup.Field);
            }

            if (found.Value is not Guid id)
            {
                var reason = MissingReferenceText.Describe(map.Name, sourceKey, lookup.Field, lookup.Path, company);
                var parent = ParentRecordKeys.For(_catalog, lookup.Path, company);
                return parent is null
                    ? ApplyOutcome.RetryLater(reason + "; retrying later.", _options.MissingReferenceRecheck)
                    : ApplyOutcome.WhenRecordArrives(parent, reason + "; waiting for " + parent + ".", _options.MissingReferenceRecheck);
            }

            _cache.Set(lookup.Path, id);
            resolved.AddId(lookup.Path, id);
        }

        return null;
    }

    /// <summary>The cached ids of every bind in a failed write are suspect (a parent deleted since): forget them.</summary>
    public void Forget(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            _cache.Remove(path);
        }
    }

    /// <summary>
    /// <c>name eq 'value' and _x_value eq guid</c> for a key Dataverse will not take in a URL; literals are Core's
    /// <see cref="ODataLiteral"/>, as in the key itself, so dates and enums are spelled the same way.
    /// </summary>
    public static string FilterFor(ODataKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Join(" and ", key.Parts.Select(part => part.Name + " eq " + ODataLiteral.Format(part.Value)));
    }
}
