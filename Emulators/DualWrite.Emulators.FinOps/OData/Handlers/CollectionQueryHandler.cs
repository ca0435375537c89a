using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DualWrite.Core.Filters;
using DualWrite.Emulators.FinOps.OData.Routing;
using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.OData.Handlers;

/// <summary>
/// <c>GET /data/Set</c> with $filter, $select, $orderby, $top, $skip, $count and cross-company: one page of rows,
/// and a next link when more follow.
/// </summary>
internal sealed class CollectionQueryHandler
{
    private readonly FinOpsStore _store;

    public CollectionQueryHandler(FinOpsStore store)
    {
        _store = store;
    }

    public ODataResponse Handle(ODataRequest request, ODataRoute route)
    {
        var set = route.Set!;
        var query = route.Query!;
        if (!QueryOptionsParser.TryParse(query, set, out var parsed, out var optionError))
        {
            return ODataErrors.BadRequest(optionError!);
        }

        var options = parsed!;
        var pageSize = PageSizePreference.Read(request, out var preferenceApplied);
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
        var response = ODataJsonBody.Write(200, json =>
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
        var rows = MatchingRows.Of(view, request, set, options);
        if (options.OrderBy.Count > 0)
        {
            return OrderedPageSelector.Select(rows, new RowOrderComparer(options.OrderBy), options.Skip, wanted);
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
}
