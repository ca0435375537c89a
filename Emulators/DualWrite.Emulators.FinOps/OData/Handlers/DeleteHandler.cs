using DualWrite.Emulators.FinOps.OData.Routing;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.OData.Handlers;

/// <summary><c>DELETE /data/Set(key)</c>: removes the record; If-Match is checked first.</summary>
internal sealed class DeleteHandler
{
    private readonly CompanyScope _scope;

    public DeleteHandler(CompanyScope scope)
    {
        _scope = scope;
    }

    public ODataResponse Handle(ODataRequest request, ODataRoute route, FinOpsStoreTransaction transaction)
    {
        var set = route.Set!;
        var existing = transaction.View.Find(set, route.Probe!);
        if (existing is null || !_scope.KeyInScope(request, set, existing, QueryOptionsParser.IsCrossCompany(route.Query!)))
        {
            return ODataRefusals.RecordNotFound(set, route.Probe!);
        }

        if (IfMatchPrecondition.Failure(request, set, existing) is { } stale)
        {
            return stale;
        }

        transaction.Delete(set, existing);
        return ODataResponse.NoContent();
    }
}
