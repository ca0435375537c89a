using System.Collections.Generic;
using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.OData.Handlers;

/// <summary>The rows a collection query or $count covers: in the caller's company scope and matching $filter.</summary>
internal static class MatchingRows
{
    public static IEnumerable<object?[]> Of(StoreView view, ODataRequest request, EntitySetSchema set, QueryOptions options)
    {
        foreach (var row in view.Rows(set))
        {
            if (!CompanyScope.InScope(request, set, row, options.CrossCompany))
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
}
