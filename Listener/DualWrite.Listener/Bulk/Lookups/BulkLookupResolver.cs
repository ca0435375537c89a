using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Keys;
using DualWrite.Core.Mapping;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.OData;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Bulk.Lookups;

/// <summary>
/// Answers the lookups of a whole page of records with one query per referenced table (an <c>or</c>-chain of
/// keys, in chunks that keep the URL well inside the service's limits) instead of one read per record. Ids go
/// into the applier's <see cref="LookupIdCache"/> (so <see cref="DataverseLookupResolver"/> and the mapping loop
/// then only hit the cache); key values read by id are kept here. Small reference tables (companies, customer
/// groups) can be loaded whole once per run with <see cref="LoadTableAsync"/>. A key with no record is simply
/// not answered: the mapping reports it as unresolved, as one by one.
/// </summary>
public sealed partial class BulkLookupResolver
{
    /// <summary>The longest <c>$filter</c> one query carries, escaped: far below the URL limits of IIS and Dataverse.</summary>
    public const int MaxFilterLength = 6000;

    private readonly DataverseClient dataverse;
    private readonly LookupIdCache cache;
    private readonly ILogger<BulkLookupResolver> logger;
    private readonly ConcurrentDictionary<string, string> keyValues = new(StringComparer.Ordinal);

    // Tables loaded whole, by entity set and key fields: key text → id. A key absent here does not exist (for this run).
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, Guid>> wholeTables = new(StringComparer.Ordinal);
    private long queries;

    public BulkLookupResolver(DataverseClient dataverse, LookupIdCache cache, ILogger<BulkLookupResolver> logger)
    {
        this.dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
        this.cache = cache ?? throw new ArgumentNullException(nameof(cache));
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Queries sent so far (for tests and progress).</summary>
    public long Queries => Interlocked.Read(ref queries);

    /// <summary>
    /// Drives a page of mapping loops to the end together: maps every record, answers all their lookups in bulk,
    /// maps again (a company's id is needed before a group keyed by company can be asked), until none asks for
    /// more. A loop whose lookups the cache already answers is driven on at once, without waiting for the page's
    /// queries; loops that share one <see cref="ResolvedLookups"/> then map in one pass once the first has its
    /// answers. A loop's <see cref="MappingLoop.Unresolved"/> then names what no record answers.
    /// </summary>
    public async Task ResolveAsync(IReadOnlyList<MappingLoop> loops, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loops);
        var pending = new List<(MappingLoop Loop, IReadOnlyList<LookupToResolve> Lookups)>();
        foreach (var loop in loops)
        {
            DriveFromCache(loop, loop.Map(), pending);
        }

        while (pending.Count > 0)
        {
            await PreloadAsync(pending.SelectMany(entry => entry.Lookups), cancellationToken).ConfigureAwait(false);
            var current = pending;
            pending = new List<(MappingLoop Loop, IReadOnlyList<LookupToResolve> Lookups)>();
            foreach (var (loop, lookups) in current)
            {
                Answer(lookups, loop.Resolved);
                DriveFromCache(loop, loop.Map(), pending);
            }
        }
    }

    /// <summary>Maps again while the known answers cover what the loop asks; what they do not cover waits for the next bulk query.</summary>
    private void DriveFromCache(MappingLoop loop, IReadOnlyList<LookupToResolve> lookups, List<(MappingLoop Loop, IReadOnlyList<LookupToResolve> Lookups)> pending)
    {
        while (lookups.Count > 0)
        {
            if (!AnswerAll(lookups, loop.Resolved))
            {
                pending.Add((loop, lookups));
                return;
            }

            lookups = loop.Map();
        }
    }

    /// <summary>Adds every known answer; true when all were known (no list allocated on the hot path).</summary>
    private bool AnswerAll(IReadOnlyList<LookupToResolve> lookups, ResolvedLookups resolved)
    {
        var all = true;
        for (var i = 0; i < lookups.Count; i++)
        {
            var lookup = lookups[i];
            if (lookup.Kind == LookupResolutionKind.FindId && resolved.TryGetId(lookup.Path, out _))
            {
                continue;
            }

            if (lookup.Kind == LookupResolutionKind.ReadKeyValue && resolved.TryGetKeyValue(lookup.Path, out _))
            {
                continue;
            }

            if (lookup.Kind == LookupResolutionKind.FindId && cache.TryGet(lookup.Path, out var id))
            {
                resolved.AddId(lookup.Path, id);
            }
            else if (lookup.Kind == LookupResolutionKind.ReadKeyValue && keyValues.TryGetValue(lookup.Path, out var value))
            {
                resolved.AddKeyValue(lookup.Path, value);
            }
            else
            {
                all = false;
            }
        }

        return all;
    }

    /// <summary>
    /// Makes sure the answer to every lookup is known, querying only what is not cached: one query per referenced
    /// table and key shape (more only when the keys do not fit one URL). Returns the queries sent.
    /// </summary>
    public async Task<int> PreloadAsync(IEnumerable<LookupToResolve> lookups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        var findIds = new Dictionary<string, KeyGroup>(StringComparer.Ordinal);
        var readKeys = new Dictionary<string, ReadGroup>(StringComparer.Ordinal);
        foreach (var lookup in lookups)
        {
            if (lookup.Kind == LookupResolutionKind.FindId)
            {
                AddFindId(findIds, lookup);
            }
            else if (lookup.Id is Guid id && !keyValues.ContainsKey(lookup.Path))
            {
                var group = readKeys.TryGetValue(lookup.EntitySet + "|" + lookup.KeyField, out var existing)
                    ? existing
                    : readKeys[lookup.EntitySet + "|" + lookup.KeyField] = new ReadGroup(lookup.EntitySet, lookup.LogicalName, lookup.KeyField);
                group.Ids.TryAdd(id, lookup.Path);
            }
        }

        var sent = 0;
        foreach (var group in findIds.Values)
        {
            sent += await FindIdsAsync(group, cancellationToken).ConfigureAwait(false);
        }

        foreach (var group in readKeys.Values)
        {
            sent += await ReadKeyValuesAsync(group, cancellationToken).ConfigureAwait(false);
        }

        return sent;
    }

    /// <summary>Adds every known answer to <paramref name="resolved"/>; returns the lookups still unanswered.</summary>
    public IReadOnlyList<LookupToResolve> Answer(IEnumerable<LookupToResolve> lookups, ResolvedLookups resolved)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(resolved);
        var unanswered = new List<LookupToResolve>();
        foreach (var lookup in lookups)
        {
            if (lookup.Kind == LookupResolutionKind.FindId && cache.TryGet(lookup.Path, out var id))
            {
                resolved.AddId(lookup.Path, id);
            }
            else if (lookup.Kind == LookupResolutionKind.ReadKeyValue && keyValues.TryGetValue(lookup.Path, out var value))
            {
                resolved.AddKeyValue(lookup.Path, value);
            }
            else
            {
                unanswered.Add(lookup);
            }
        }

        return unanswered;
    }

    /// <summary>
    /// Loads a whole (small) table's ids by its alternate key for the rest of the run: later lookups by those key
    /// fields are answered from it without a query (in any letter case, as Dataverse matches keys), and a key it
    /// lacks is known missing. Ids also go into the cache under the paths as Dataverse spells them. At most
    /// <paramref name="maxRows"/> rows: a guard against loading a big table by mistake. Returns the rows loaded.
    /// </summary>
    public async Task<int> LoadTableAsync(string entitySet, string logicalName, IReadOnlyList<string> keyFields, int maxRows = 50000, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(entitySet);
        ArgumentException.ThrowIfNullOrEmpty(logicalName);
        ArgumentNullException.ThrowIfNull(keyFields);
        var idColumn = logicalName + "id";
        Interlocked.Increment(ref queries);
        var rows = (await dataverse.QueryAllAsync(entitySet, new ODataQuery { Select = keyFields.Prepend(idColumn).ToArray() }, DataverseClient.MaxPageSize, maxRows, cancellationToken).ConfigureAwait(false))
            .GetValueOrThrow();
        var index = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!TryGuid(row[idColumn], out var id) || KeyOf(row, keyFields) is not { } key)
            {
                continue;
            }

            cache.Set(ODataKeyFormatter.EntityPath(entitySet, key), id);
            index[LookupKeyText.OfRow(row, keyFields)] = id;
        }

        wholeTables[WholeTableKey(entitySet, keyFields)] = index;
        LogTableLoaded(entitySet, index.Count);
        return index.Count;
    }

    private void AddFindId(Dictionary<string, KeyGroup> groups, LookupToResolve lookup)
    {
        if (cache.TryGet(lookup.Path, out _))
        {
            return;
        }

        var key = lookup.Key ?? TryParseKey(lookup.Path);
        if (key is null)
        {
            return;
        }

        // A path by id already holds its answer.
        if (key.IsUnnamed)
        {
            if (key.Parts[0].Value is Guid known)
            {
                cache.Set(lookup.Path, known);
            }

            return;
        }

        var fields = key.Parts.Select(part => part.Name!).ToArray();
        var text = LookupKeyText.Of(key.Parts.Select(part => part.Value));
        if (wholeTables.TryGetValue(WholeTableKey(lookup.EntitySet, fields), out var whole))
        {
            if (whole.TryGetValue(text, out var loaded))
            {
                cache.Set(lookup.Path, loaded);
            }

            return;
        }

        var groupKey = lookup.EntitySet + "|" + string.Join(",", fields);
        if (!groups.TryGetValue(groupKey, out var group))
        {
            groups[groupKey] = group = new KeyGroup(lookup.EntitySet, lookup.LogicalName, fields);
        }

        if (!group.Paths.TryGetValue(text, out var paths))
        {
            group.Paths[text] = paths = new List<string>();
            group.Filters.Add(DataverseLookupResolver.FilterFor(key));
        }

        if (!paths.Contains(lookup.Path))
        {
            paths.Add(lookup.Path);
        }
    }

    private async Task<int> FindIdsAsync(KeyGroup group, CancellationToken cancellationToken)
    {
        var idColumn = group.LogicalName + "id";
        var select = group.Fields.Prepend(idColumn).ToArray();
        var sent = 0;
        foreach (var filter in Chunks(group.Filters))
        {
            sent++;
            Interlocked.Increment(ref queries);
            var rows = (await dataverse.QueryAllAsync(group.EntitySet, new ODataQuery { Filter = filter, Select = select }, DataverseClient.MaxPageSize, int.MaxValue, cancellationToken).ConfigureAwait(false))
                .GetValueOrThrow();
            foreach (var row in rows)
            {
                if (TryGuid(row[idColumn], out var id) && group.Paths.TryGetValue(LookupKeyText.OfRow(row, group.Fields), out var paths))
                {
                    foreach (var path in paths)
                    {
                        cache.Set(path, id);
                    }
                }
            }

            LogQueried(group.EntitySet, rows.Count, group.Paths.Count);
        }

        return sent;
    }

    private async Task<int> ReadKeyValuesAsync(ReadGroup group, CancellationToken cancellationToken)
    {
        var idColumn = group.LogicalName + "id";
        var sent = 0;
        foreach (var filter in Chunks(group.Ids.Keys.Select(id => idColumn + " eq " + ODataLiteral.Format(id)).ToList()))
        {
            sent++;
            Interlocked.Increment(ref queries);
            var rows = (await dataverse.QueryAllAsync(group.EntitySet, new ODataQuery { Filter = filter, Select = new[] { idColumn, group.KeyField } }, DataverseClient.MaxPageSize, int.MaxValue, cancellationToken).ConfigureAwait(false))
                .GetValueOrThrow();
            foreach (var row in rows)
            {
                if (TryGuid(row[idColumn], out var id) && group.Ids.TryGetValue(id, out var path) && row[group.KeyField] is { } value)
                {
                    keyValues[path] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                }
            }
        }

        return sent;
    }

    /// <summary>Joins the terms with <c>or</c>, cutting a new chunk before the escaped text passes <see cref="MaxFilterLength"/>.</summary>
    private static IEnumerable<string> Chunks(IReadOnlyList<string> terms)
    {
        var text = new StringBuilder();
        var escapedLength = 0;
        foreach (var term in terms)
        {
            var part = "(" + term + ")";
            var length = Uri.EscapeDataString(part).Length + 8;
            if (text.Length > 0 && escapedLength + length > MaxFilterLength)
            {
                yield return text.ToString();
                text.Clear();
                escapedLength = 0;
            }

            if (text.Length > 0)
            {
                text.Append(" or ");
            }

            text.Append(part);
            escapedLength += length;
        }

        if (text.Length > 0)
        {
            yield return text.ToString();
        }
    }

    private static string WholeTableKey(string entitySet, IReadOnlyList<string> fields) =>
        entitySet.ToUpperInvariant() + "|" + string.Join(",", fields).ToUpperInvariant();

    private static ODataKey? TryParseKey(string path)
    {
        try
        {
            return ODataKeyParser.ParseEntityPath(path).Key;
        }
        catch (ODataKeyParseException)
        {
            return null;
        }
    }

    private static ODataKey? KeyOf(JsonObject row, IReadOnlyList<string> keyFields)
    {
        var parts = new List<KeyValuePair<string, object>>(keyFields.Count);
        foreach (var field in keyFields)
        {
            if (row[field] is not { } node)
            {
                return null;
            }

            object value = field.StartsWith('_') && field.EndsWith("_value", StringComparison.Ordinal) && TryGuid(node, out var id)
                ? id
                : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
            parts.Add(new KeyValuePair<string, object>(field, value));
        }

        return ODataKey.Named(parts);
    }

    private static bool TryGuid(JsonNode? node, out Guid id)
    {
        id = Guid.Empty;
        return node is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out id);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{EntitySet}: one query found {Rows} of {Keys} keys")]
    private partial void LogQueried(string entitySet, int rows, int keys);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{EntitySet}: {Rows} ids loaded whole")]
    private partial void LogTableLoaded(string entitySet, int rows);

    private sealed record KeyGroup(string EntitySet, string LogicalName, string[] Fields)
    {
        public Dictionary<string, List<string>> Paths { get; } = new(StringComparer.Ordinal);

        public List<string> Filters { get; } = new();
    }

    private sealed record ReadGroup(string EntitySet, string LogicalName, string KeyField)
    {
        public Dictionary<Guid, string> Ids { get; } = new();
    }
}
