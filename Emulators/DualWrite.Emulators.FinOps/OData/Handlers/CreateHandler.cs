using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Emulators.FinOps.Store;
using DualWrite.Emulators.FinOps.Validation;

namespace DualWrite.Emulators.FinOps.OData.Handlers;

/// <summary><c>POST /data/Set</c>: inserts a record and answers 201 with it, its ETag and its Location.</summary>
internal sealed class CreateHandler
{
    private readonly FinOpsStore _store;
    private readonly WriteValidator _validator;

    public CreateHandler(FinOpsStore store, WriteValidator validator)
    {
        _store = store;
        _validator = validator;
    }

    public ODataResponse Handle(ODataRequest request, EntitySetSchema set, FinOpsStoreTransaction transaction)
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
        return ODataJsonBody.Write(201, json =>
            {
                json.WriteString("@odata.context", request.ServiceRoot + "$metadata#" + set.Name + "/$entity");
                FinOpsEntityJsonWriter.WriteProperties(json, set, row, null);
            })
            .WithHeader("ETag", RowETag.Compute(set, row))
            .WithHeader("Location", location)
            .WithHeader("OData-EntityId", location);
    }
}
