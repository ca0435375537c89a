using DualWrite.Emulators.FinOps.OData.Routing;
using DualWrite.Emulators.FinOps.Store;
using DualWrite.Emulators.FinOps.Validation;

namespace DualWrite.Emulators.FinOps.OData.Handlers;

/// <summary>
/// <c>PATCH</c> (or <c>MERGE</c>) and <c>PUT /data/Set(key)</c>: a patch changes the fields it names, a put replaces
/// every non-key field. Keys cannot change; If-Match is checked first.
/// </summary>
internal sealed class UpdateHandler
{
    private readonly WriteValidator _validator;
    private readonly CompanyScope _scope;

    public UpdateHandler(WriteValidator validator, CompanyScope scope)
    {
        _validator = validator;
        _scope = scope;
    }

    public ODataResponse Handle(ODataRequest request, ODataRoute route, FinOpsStoreTransaction transaction, bool replace)
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
}
