using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using DualWrite.Core.Filters;
using DualWrite.Core.Keys;
using DualWrite.Emulators.FinOps.Events;
using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Emulators.FinOps.Store;
using DualWrite.Emulators.FinOps.Validation;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>
/// Executes OData requests against the store: service document, $metadata, collection and key
/// reads, creates, updates and deletes. Single writes run in their own transaction and publish
/// their business events after commit; $batch changesets pass a shared transaction instead.
/// </summary>
public sealed class ODataService
{
    /// <summary>F&amp;O's server page size: at most 10,000 rows a page.</summary>
    public const int MaxPageSize = 10_000;

    private readonly FinOpsStore _store;
    private readonly WriteValidator _validator;
    private readonly IChangePublisher _publisher;
    private readonly byte[] _metadata;
    private readonly bool _keyAccessNeedsCrossCompany;

    public ODataService(FinOpsStore store, WriteValidator validator, IChangePublisher publisher, bool keyAccessNeedsCrossCompany = true)
    {
        _keyAccessNeedsCrossCompany = keyAccessNeedsCrossCompany;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _validator = validator ?? throw new ArgumentNullException(nameof(validator));
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _metadata = MetadataDocument.Write(store.Schema.Model);
    }

    public FinOpsSchema Schema => _store.Schema;

    /// <summary>Runs a request; a write commits (and publishes its events) or leaves no trace.</summary>
    public ODataResponse Execute(ODataRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsWrite)
        {
            return ExecuteRead(request);
        }

        IReadOnlyList<StoreChange> changes;
        ODataResponse response;
        using (var transaction = _store.BeginWrite())
        {
            response = ExecuteWrite(request, transaction);
            if (!response.IsSuccess)
            {
                return response;
            }

            changes = transaction.Commit();
        }

        _publisher.Publish(changes, request.InitiatingUser);
        return response;
    }

    /// <summary>A write inside a caller's transaction (a $batch changeset); nothing is published here.</summary>
    public ODataResponse ExecuteWrite(ODataRequest request, FinOpsStoreTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(transaction);
        if (!TryRoute(request, out var route, out var error))
        {
            return error!;
        }

        if (route!.IsCount)
        {
            return MethodNotAllowed(request);
        }

        return (request.Method, route.Probe is null) switch
        {
            ("POST", true) => Create(request, route.Set!, transaction),
            ("PATCH" or "MERGE", false) => Update(request, route, transaction, replace: false),
            ("PUT", false) => Update(request, route, transaction, replace: true),
            ("DELETE", false) => Delete(request, route, transaction),
            _ => MethodNotAllowed(request),
        };
    }

    private ODataResponse ExecuteRead(ODataRequest request)
    {
        if (request.Method is not ("GET" or "HEAD"))
        {
            return MethodNotAllowed(request);
        }

        if (request.ResourcePath.Length == 0)
        {
            return ServiceDocument(request);
        }

        if (request.ResourcePath == "$metadata")
        {
            return new ODataResponse(200, _metadata, "application/xml");
        }

        if (!TryRoute(request, out var route, out var error))
        {
            return error!;
        }

        if (route!.Probe is not null)
        {
            return ReadOne(request, route);
        }

        return route.IsCount ? Count(request, route) : Query(request, route);
    }

    private bool TryRoute(ODataRequest request, out Route? route, out ODataResponse? error)
    {
        route = null;
        error = null;
        var path = request.ResourcePath.TrimEnd('/');
        var isCount = path.EndsWith("/$count", StringComparison.Ordinal);
        if (isCount)
        {
            path = path[..^"/$count".Length];
        }

        string setName;
        ODataKey? key = null;
        if (path.Contains('(', StringComparison.Ordinal))
        {
            try
            {
                var entityPath = ODataKeyParser.ParseEntityPath(path);
                setName = entityPath.EntitySet;
                key = entityPath.Key;
            }
            catch (ODataKeyParseException ex)
            {
                error = ODataErrors.BadRequest(ex.Message);
                return false;
            }
        }
        else
        {
            setName = path;
        }

        var set = _store.Schema.Find(setName);
        if (set is null || (isCount && key is not null))
        {
            error = ODataErrors.NotFound("Resource not found for the segment '" + setName + "'.");
            return false;
        }

        object?[]? probe = null;
        if (key is not null && !KeyResolver.TryResolve(set, key, out probe, out var keyError))
        {
            error = ODataErrors.BadRequest(keyError!);
            return false;
        }

        QueryString query;
        try
        {
            query = QueryString.Parse(request.RawQuery);
        }
        catch (FormatException ex)
        {
            error = ODataErrors.BadRequest("The query string is not valid: " + ex.Message);
            return false;
        }

        route = new Route(set, probe, isCount, query);
        return true;
    }

    private ODataResponse ServiceDocument(ODataRequest request)
    {
        return JsonBody(200, json =>
        {
            json.WriteString("@odata.context", request.ServiceRoot + "$metadata");
            json.WriteStartArray("value");
            foreach (var set in _store.Schema.EntitySets)
            {
                json.WriteStartObject();
                json.WriteString("name", set.Name);
                json.WriteString("kind", "EntitySet");
                json.WriteString("url", set.Name);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    private ODataResponse ReadOne(ODataRequest request, Route route)
    {
        var set = route.Set!;
        if (!QueryOptionsParser.TryParse(route.Query, set, out var options, out var optionError))
        {
            return ODataErrors.BadRequest(optionError!);
        }

        var row = _store.Read(view => view.Find(set, route.Probe!));
        if (row is null || !KeyInScope(request, set, row, options!.CrossCompany))
        {
            return NotFound(set, route.Probe!);
        }

        return JsonBody(200, json =>
            {
                json.WriteString("@odata.context", request.ServiceRoot + "$metadata#" + set.Name + "/$entity");
                FinOpsEntityJsonWriter.WriteProperties(json, set, row, options.Select);
            })
            .WithHeader("ETag", RowETag.Compute(set, row));
    }

    private ODataResponse Count(ODataRequest request, Route route)
    {
        var set = route.Set!;
        if (!QueryOptionsParser.TryParse(route.Query, set, out var options, out var optionError))
        {
            return ODataErrors.BadRequest(optionError!);
        }

        try
        {
            var count = _store.Read(view => Matching(view, request, set, options!).Count());
            return ODataResponse.Text(200, count.ToString(CultureInfo.InvariantCulture), "text/plain");
        }
        catch (FilterEvaluationException ex)
        {
            return ODataErrors.BadRequest(ex.Message);
        }
    }

    private ODataResponse Query(ODataRequest request, Route route)
    {
        var set = route.Set!;
        var query = route.Query;
        if (!QueryOptionsParser.TryParse(query, set, out var parsed, out var optionError))
        {
            return ODataErrors.BadRequest(optionError!);
        }

        var options = parsed!;
        var pageSize = PageSize(request, out var preferenceApplied);
        var wanted = options.Top is int top ? Math.Min(top, pageSize) : pageSize;
        QueryPage page;
        try
        {
            page = _store.Read(view => ReadPage(view, request, set, options, wanted));
        }
        catch (FilterEvaluationException ex)
        {
            return ODataErrors.BadRequest(ex.Message);
        }

        var hasMore = page.MoreAfter && (options.Top is null || options.Top > page.Rows.Count);
        var response = JsonBody(200, json =>
        {
            var context = request.ServiceRoot + "$metadata#" + set.Name
                + (options.Select is null ? string.Empty : "(" + string.Join(",", options.Select.Select(f => f.Name)) + ")");
            json.WriteString("@odata.context", context);
            if (options.Count)
            {
                json.WriteNumber("@odata.count", page.Total);
            }

            json.WriteStartArray("value");
            foreach (var row in page.Rows)
            {
                FinOpsEntityJsonWriter.WriteEntity(json, set, row, options.Select);
            }

            json.WriteEndArray();
            if (hasMore)
            {
                json.WriteString("@odata.nextLink", NextLink(request, set, query, options, page.Rows.Count));
            }
        });
        if (preferenceApplied is not null)
        {
            response.WithHeader("Preference-Applied", preferenceApplied);
        }

        return response;
    }

    private static QueryPage ReadPage(StoreView view, ODataRequest request, EntitySetSchema set, QueryOptions options, int wanted)
    {
        var rows = Matching(view, request, set, options);
        if (options.OrderBy.Count > 0)
        {
            // OrderBy is stable: ties keep insertion order, so pages do not overlap.
            var sorted = rows.OrderBy(r => r, new RowOrderComparer(options.OrderBy)).ToList();
            var pageRows = sorted.Skip(options.Skip).Take(wanted).ToList();
            return new QueryPage(pageRows, sorted.Count, sorted.Count > options.Skip + pageRows.Count);
        }

        var page = new List<object?[]>(Math.Min(wanted, 1024));
        var index = 0;
        var more = false;
        foreach (var row in rows)
        {
            if (index >= options.Skip && page.Count < wanted)
            {
                page.Add(row);
            }
            else if (index >= options.Skip)
            {
                more = true;
                if (!options.Count)
                {
                    break;
                }
            }

            index++;
        }

        return new QueryPage(page, index, more);
    }

    private static IEnumerable<object?[]> Matching(StoreView view, ODataRequest request, EntitySetSchema set, QueryOptions options)
    {
        foreach (var row in view.Rows(set))
        {
            if (!InScope(request, set, row, options.CrossCompany))
            {
                continue;
            }

            if (options.Filter is not null && !FinOpsFilterMatcher.Matches(options.Filter.Root, name => FieldValues.Read(set.GetField(name), row)))
            {
                continue;
            }

            yield return row;
        }
    }

    /// <summary>Company scope: without cross-company=true a caller sees only its default company's rows.</summary>
    private static bool InScope(ODataRequest request, EntitySetSchema set, object?[] row, bool crossCompany) =>
        crossCompany || set.Company is null || string.Equals(RowKeys.Company(set, row), request.DefaultCompany, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Access by key: F&amp;O finds a record of another company than the caller's only with cross-company=true
    /// (configurable, see <see cref="Hosting.FinOpsEmulatorOptions.KeyAccessNeedsCrossCompany"/>).
    /// </summary>
    private bool KeyInScope(ODataRequest request, EntitySetSchema set, object?[] row, bool crossCompany) =>
        !_keyAccessNeedsCrossCompany || InScope(request, set, row, crossCompany);

    /// <summary>At most 10,000; a smaller <c>Prefer: odata.maxpagesize</c> is honoured.</summary>
    private static int PageSize(ODataRequest request, out string? applied)
    {
        applied = null;
        var prefer = request.Header("Prefer");
        if (prefer is null)
        {
            return MaxPageSize;
        }

        foreach (var preference in prefer.Split(',', StringSplitOptions.TrimEntries))
        {
            const string name = "odata.maxpagesize=";
            if (preference.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(preference.AsSpan(name.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0)
            {
                var effective = Math.Min(size, MaxPageSize);
                applied = "odata.maxpagesize=" + effective.ToString(CultureInfo.InvariantCulture);
                return effective;
            }
        }

        return MaxPageSize;
    }

    /// <summary>The same request with $skip moved past this page and $top reduced by it (ASP.NET OData's next links, which F&amp;O uses).</summary>
    private static string NextLink(ODataRequest request, EntitySetSchema set, QueryString query, QueryOptions options, int returned)
    {
        var parts = query.RawPairs
            .Where(p => p.Key is not ("$skip" or "$top" or "%24skip" or "%24top"))
            .Select(p => p.Key + "=" + p.Value)
            .ToList();
        if (options.Top is int top)
        {
            parts.Add("$top=" + (top - returned).ToString(CultureInfo.InvariantCulture));
        }

        parts.Add("$skip=" + (options.Skip + returned).ToString(CultureInfo.InvariantCulture));
        return request.ServiceRoot + set.Name + "?" + string.Join("&", parts);
    }

    private ODataResponse Create(ODataRequest request, EntitySetSchema set, FinOpsStoreTransaction transaction)
    {
        if (!FinOpsEntityJsonReader.TryRead(request.Body, set, out var values, out var problems))
        {
            return ODataErrors.BadRequest(string.Join(" ", problems));
        }

        var row = FieldValues.NewRow(set);
        foreach (var (field, value) in values)
        {
            if (!field.IsComputed)
            {
                row[field.Index] = value;
            }
        }

        if (set.Company is { } company)
        {
            // F&O fills the caller's company when the payload has none, and keeps dataAreaId in lower case.
            row[company.Index] = (row[company.Index] as string ?? request.DefaultCompany).ToLowerInvariant();
        }

        foreach (var field in set.KeyFields)
        {
            // Keys are held as values, never as "default" nulls, so lookups by URL key find them.
            row[field.Index] = field.IsComputed ? _store.NextComputedKey() : row[field.Index] ?? FieldValues.Default(field);
        }

        var validation = _validator.Validate(transaction.View, set, row);
        if (validation.Count > 0)
        {
            return ODataErrors.WriteFailed(set.EntityTypeName, validation);
        }

        if (!transaction.TryInsert(set, row))
        {
            return ODataErrors.WriteFailed(set.EntityTypeName, new[]
            {
                "Cannot create a record in " + set.Name + " " + RowKeys.Describe(set, row) + ". The record already exists.",
            });
        }

        var location = request.ServiceRoot + set.Name + RowKeys.ToODataKey(set, row).ToPredicate();
        return JsonBody(201, json =>
            {
                json.WriteString("@odata.context", request.ServiceRoot + "$metadata#" + set.Name + "/$entity");
                FinOpsEntityJsonWriter.WriteProperties(json, set, row, null);
            })
            .WithHeader("ETag", RowETag.Compute(set, row))
            .WithHeader("Location", location)
            .WithHeader("OData-EntityId", location);
    }

    private ODataResponse Update(ODataRequest request, Route route, FinOpsStoreTransaction transaction, bool replace)
    {
        var set = route.Set!;
        var existing = transaction.View.Find(set, route.Probe!);
        if (existing is null || !KeyInScope(request, set, existing, QueryOptionsParser.IsCrossCompany(route.Query)))
        {
            return NotFound(set, route.Probe!);
        }

        if (PreconditionFailed(request, set, existing) is { } stale)
        {
            return stale;
        }

        if (!FinOpsEntityJsonReader.TryRead(request.Body, set, out var values, out var problems))
        {
            return ODataErrors.BadRequest(string.Join(" ", problems));
        }

        var row = replace ? FieldValues.NewRow(set) : RowStorage.Expand(set, existing);
        foreach (var key in set.KeyFields)
        {
            row[key.Index] = existing[key.Index];
        }

        foreach (var (field, value) in values)
        {
            if (field.IsKey)
            {
                if (!RowKeyComparer.ValuesEqual(value, existing[field.Index]))
                {
                    problems.Add("The key field '" + field.Name + "' cannot be changed (from '" + existing[field.Index] + "' to '" + value + "').");
                }

                continue;
            }

            if (!field.IsComputed)
            {
                row[field.Index] = value;
            }
        }

        if (problems.Count > 0)
        {
            return ODataErrors.BadRequest(string.Join(" ", problems));
        }

        var validation = _validator.Validate(transaction.View, set, row);
        if (validation.Count > 0)
        {
            return ODataErrors.WriteFailed(set.EntityTypeName, validation);
        }

        transaction.TryReplace(set, row);
        return ODataResponse.NoContent();
    }

    private ODataResponse Delete(ODataRequest request, Route route, FinOpsStoreTransaction transaction)
    {
        var set = route.Set!;
        var existing = transaction.View.Find(set, route.Probe!);
        if (existing is null || !KeyInScope(request, set, existing, QueryOptionsParser.IsCrossCompany(route.Query)))
        {
            return NotFound(set, route.Probe!);
        }

        if (PreconditionFailed(request, set, existing) is { } stale)
        {
            return stale;
        }

        transaction.Delete(set, existing);
        return ODataResponse.NoContent();
    }

    /// <summary>412 when If-Match names another version than the current row's (<c>*</c> matches any).</summary>
    private static ODataResponse? PreconditionFailed(ODataRequest request, EntitySetSchema set, object?[] existing)
    {
        var ifMatch = request.Header("If-Match");
        var current = RowETag.Compute(set, existing);
        return ifMatch is null || RowETag.Matches(ifMatch, current)
            ? null
            : ODataErrors.Create(412, "The record " + set.Name + RowKeys.Describe(set, existing) + " has changed since it was read (If-Match " + ifMatch + ", current " + current + ").", ODataErrors.ODataExceptionType);
    }

    private static ODataResponse NotFound(EntitySetSchema set, object?[] probe) =>
        ODataErrors.NotFound("No " + set.Name + " record found with the key " + RowKeys.Describe(set, probe)
            + " (records of another company than the caller's are found only with cross-company=true).");

    private static ODataResponse MethodNotAllowed(ODataRequest request) =>
        ODataErrors.Create(405, "The HTTP method '" + request.Method + "' is not allowed on '" + request.ResourcePath + "'.", ODataErrors.ODataExceptionType);

    private static ODataResponse JsonBody(int status, Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, JsonOutput.Options))
        {
            json.WriteStartObject();
            writeProperties(json);
            json.WriteEndObject();
        }

        return ODataResponse.Json(status, buffer.WrittenSpan.ToArray()).WithHeader("OData-Version", "4.0");
    }

    private sealed record Route(EntitySetSchema? Set, object?[]? Probe, bool IsCount, QueryString Query);

    private sealed record QueryPage(List<object?[]> Rows, int Total, bool MoreAfter);
}
