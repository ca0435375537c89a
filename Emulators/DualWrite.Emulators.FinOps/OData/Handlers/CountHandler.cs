using System.Globalization;
using System.Linq;
using DualWrite.Core.Filters;
using DualWrite.Emulators.FinOps.OData.Routing;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.OData.Handlers;

/// <summary><c>GET /data/Set/$count</c>: how many rows the caller sees that match $filter, as plain text.</summary>
internal sealed class CountHandler
{
    private readonly FinOpsStore _store;

    public CountHandler(FinOpsStore store)
    {
        _store = store;
    }

    public ODataResponse Handle(ODataRequest request, ODataRoute route)
    {
        var set = route.Set!;
        if (!QueryOptionsParser.TryParse(route.Query!, set, out var options, out var optionError))
        {
            return ODataErrors.BadRequest(optionError!);
        }

        try
        {
            var count = _store.Read(view => MatchingRows.Of(view, request, set, options!).Count());
            return ODataResponse.Text(200, count.ToString(CultureInfo.InvariantCulture), "text/plain");
        }
        catch (FilterEvaluationException ex)
        {
            return ODataErrors.BadRequest(ex.Message);
        }
    }
}
