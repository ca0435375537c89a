using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Query;

/// <summary>
/// Runs QueryExpression and QueryByAttribute over one state: filter, order (insertion order breaks ties),
/// TopCount or paging (PageNumber/Count, paging cookie, MoreRecords, TotalRecordCount), then the column set.
/// </summary>
internal static class QueryEvaluator
{
    /// <summary>The platform's page size when a query does not ask for one.</summary>
    public const int DefaultPageSize = 5000;

    public static string TableOf(QueryBase query) => query switch
    {
        QueryExpression q => q.EntityName,
        QueryByAttribute q => q.EntityName,
        _ => throw Unsupported(query),
    };

    public static EntityCollection Execute(MetadataRegistry metadata, StoreState state, QueryBase query)
    {
        var (tableName, filter, orders, columns, topCount, paging) = Describe(query);
        var table = metadata.Table(tableName);
        CheckColumns(table, filter, orders, columns);
        if (topCount is not null && paging is { Count: > 0 })
        {
            throw DataverseFaultException.Create(ErrorCodes.InvalidArgument, "A query cannot set both TopCount and PageInfo.Count.");
        }

        var matches = state.Records(table.LogicalName)
            .Where(r => ConditionMatcher.Matches(filter, r.Values))
            .ToList();
        matches.Sort((a, b) => CompareRecords(a, b, orders));

        var total = matches.Count;
        IEnumerable<StoredRecord> page;
        var more = false;
        string? cookie = null;
        if (topCount is int top)
        {
            page = matches.Take(top);
        }
        else
        {
            var size = paging is { Count: > 0 } ? paging.Count : DefaultPageSize;
            var pageNumber = paging is { PageNumber: > 1 } ? paging.PageNumber : 1;
            var start = (pageNumber - 1) * size;
            if (PagingCookie.Parse(paging?.PagingCookie) is { } previous && previous.Page == pageNumber - 1)
            {
                // Continue after the last record the previous page returned, so rows inserted or deleted before
                // it do not shift the pages (the reason the platform uses cookies).
                var after = matches.FindIndex(r => r.Id == previous.Last);
                if (after >= 0)
                {
                    start = after + 1;
                }
            }

            var slice = matches.Skip(start).Take(size).ToList();
            page = slice;
            more = start + slice.Count < total;
            if (slice.Count > 0)
            {
                cookie = new PagingCookie(pageNumber, table.PrimaryIdAttribute, slice[0].Id, slice[^1].Id).Serialize();
            }
        }

        var result = new EntityCollection(page.Select(r => RecordOperations.ToEntity(table, r, columns ?? new ColumnSet(false))).ToList())
        {
            EntityName = table.LogicalName,
            MoreRecords = more,
            PagingCookie = cookie,
            TotalRecordCount = paging?.ReturnTotalRecordCount == true ? total : -1,
        };
        return result;
    }

    private static (string Table, FilterExpression? Filter, IReadOnlyList<OrderExpression> Orders, ColumnSet? Columns, int? Top, PagingInfo? Paging) Describe(QueryBase query)
    {
        switch (query)
        {
            case QueryExpression q:
                if (q.LinkEntities.Count > 0)
                {
                    throw DataverseFaultException.Create(ErrorCodes.Unspecified, "LinkEntities (joins) are not supported by the in-memory engine.");
                }

                return (q.EntityName, q.Criteria, q.Orders.ToList(), q.ColumnSet, q.TopCount, q.PageInfo);
            case QueryByAttribute q:
                if (q.Attributes.Count == 0 || q.Attributes.Count != q.Values.Count)
                {
                    throw DataverseFaultException.Create(
                        ErrorCodes.InvalidArgument,
                        $"QueryByAttribute needs one value per attribute and at least one attribute; it has {q.Attributes.Count} attributes and {q.Values.Count} values.");
                }

                var filter = new FilterExpression(LogicalOperator.And);
                for (var i = 0; i < q.Attributes.Count; i++)
                {
                    filter.AddCondition(q.Values[i] is null
                        ? new ConditionExpression(q.Attributes[i], ConditionOperator.Null)
                        : new ConditionExpression(q.Attributes[i], ConditionOperator.Equal, q.Values[i]));
                }

                return (q.EntityName, filter, q.Orders.ToList(), q.ColumnSet, q.TopCount, q.PageInfo);
            default:
                throw Unsupported(query);
        }
    }

    private static void CheckColumns(TableMetadata table, FilterExpression? filter, IReadOnlyList<OrderExpression> orders, ColumnSet? columns)
    {
        foreach (var column in columns is { AllColumns: false } ? columns.Columns : [])
        {
            if (!table.HasColumn(column))
            {
                throw RecordOperations.UnknownColumn(table, column);
            }
        }

        foreach (var order in orders)
        {
            if (!table.HasColumn(order.AttributeName))
            {
                throw RecordOperations.UnknownColumn(table, order.AttributeName);
            }
        }

        var pending = new Stack<FilterExpression>();
        if (filter is not null)
        {
            pending.Push(filter);
        }

        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var condition in current.Conditions)
            {
                if (string.IsNullOrEmpty(condition.EntityName) && !table.HasColumn(condition.AttributeName))
                {
                    throw RecordOperations.UnknownColumn(table, condition.AttributeName);
                }
            }

            foreach (var child in current.Filters)
            {
                pending.Push(child);
            }
        }
    }

    private static int CompareRecords(StoredRecord a, StoredRecord b, IReadOnlyList<OrderExpression> orders)
    {
        foreach (var order in orders)
        {
            var left = a.Values.TryGetValue(order.AttributeName, out var l) ? l : null;
            var right = b.Values.TryGetValue(order.AttributeName, out var r) ? r : null;
            var result = ComparableValue.Compare(left, right) ?? 0; // nulls sort first ascending, as in SQL Server
            if (result != 0)
            {
                return order.OrderType == OrderType.Descending ? -result : result;
            }
        }

        return a.Sequence.CompareTo(b.Sequence);
    }

    private static DataverseFaultException Unsupported(QueryBase query)
        => DataverseFaultException.Create(
            ErrorCodes.Unspecified,
            $"{query.GetType().Name} is not supported by the in-memory engine; use QueryExpression or QueryByAttribute.");
}
