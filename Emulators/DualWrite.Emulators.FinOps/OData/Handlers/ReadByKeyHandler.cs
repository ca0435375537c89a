using DualWrite.Emulators.FinOps.OData.Routing;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.OData.Handlers;

/// <summary><c>GET /data/Set(key)</c>: one record with its ETag ($select honoured).</summary>
internal sealed class ReadByKeyHandler
{
    private readonly FinOpsStore _store;
    private readonly CompanyScope _scope;

    public ReadByKeyHandler(FinOpsStore store, CompanyScope scope)
    {
        _store = store;
        _scope = scope;
    }

    public ODataResponse Handle(ODataRequest request, ODataRoute route)
    {
        var set = route.Set!;
        if (!QueryOptionsParser.TryParse(route.Query!, set, out var options, out var optionError))
        {
            return ODataErrors.BadRequest(optionError!);
        }

        var row = _store.Read(view => view.Find(set, route.Probe!));
        if (row is null || !_scope.KeyInScope(request, set, row, options!.CrossCompany))
        {
            return ODataRefusals.RecordNotFound(set, route.Probe!);
        }

        return ODataJsonBody.Write(200, json =>
            {
                json.WriteString("@odata.context", request.ServiceRoot + "$metadata#" + set.Name + "/$entity");
                FinOpsEntityJsonWriter.WriteProperties(json, set, row, options.Select);
            })
            .WithHeader("ETag", RowETag.Compute(set, row));
    }
}
