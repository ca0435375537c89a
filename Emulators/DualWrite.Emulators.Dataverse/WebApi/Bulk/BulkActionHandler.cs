using System;
using System.Text.Json.Nodes;
using DualWrite.Emulators.Dataverse.WebApi.Faults;
using DualWrite.Emulators.Dataverse.WebApi.Routing;
using DualWrite.Emulators.Dataverse.WebApi.Serialization;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.WebApi.Bulk;

/// <summary>
/// The bound actions CreateMultiple, UpdateMultiple and UpsertMultiple: {"Targets":[...]} where every target
/// carries "@odata.type": "Microsoft.Dynamics.CRM.&lt;table&gt;"; UpsertMultiple names a target by "@odata.id"
/// (an alternate-key URL) or its primary key, UpdateMultiple by its primary key. One engine message, all or none.
/// </summary>
internal sealed class BulkActionHandler
{
    private readonly WebApiRequestHandler _handler;

    public BulkActionHandler(WebApiRequestHandler handler)
    {
        _handler = handler;
    }

    public WebApiResponse Handle(WebApiRequest request, EntitySetModel set, string action, WebApiExecution execution)
    {
        var body = WebApiRequestHandler.ParseObject(request.Body);
        if (body["Targets"] is not JsonArray targets)
        {
            throw WebApiException.BadRequest($"{action} needs a 'Targets' array.");
        }

        var collection = new EntityCollection { EntityName = set.Table.LogicalName };
        foreach (var node in targets)
        {
            if (node is not JsonObject target)
            {
                throw WebApiException.BadRequest($"Each of {action}'s targets must be a JSON object.");
            }

            var type = target["@odata.type"]?.GetValue<string>();
            if (type is null)
            {
                throw WebApiException.BadRequest($"{action}: every target needs the '@odata.type' annotation ('{set.TypeName}').");
            }

            if (!string.Equals(type, set.TypeName, StringComparison.Ordinal) && !string.Equals(type, "#" + set.TypeName, StringComparison.Ordinal))
            {
                throw WebApiException.BadRequest($"{action} on '{set.Name}' got a target of type '{type}'; expected '{set.TypeName}'.");
            }

            // The target is read as parsed: writing it back to text to parse it again cost more than the write itself.
            var entity = DataverseEntityJsonReader.Read(set, target, url => _handler.ResolveBindToId(request, url, execution));
            if (target["@odata.id"]?.GetValue<string>() is { } odataId)
            {
                var reference = _handler.ResolveBind(request, odataId, execution);
                if (reference.KeyAttributes.Count > 0)
                {
                    entity.KeyAttributes = reference.KeyAttributes;
                }
                else
                {
                    entity.Id = reference.Id;
                }
            }

            if (action == "UpdateMultiple" && entity.Id == Guid.Empty)
            {
                throw WebApiException.BadRequest($"UpdateMultiple: every target needs its primary key '{set.Table.PrimaryIdAttribute}'.");
            }

            collection.Entities.Add(entity);
        }

        var message = new OrganizationRequest(action) { ["Targets"] = collection };
        var response = execution.Execute(WebApiRequestHandler.WithOptionalParameters(request, message));
        if (action != "CreateMultiple")
        {
            return new WebApiResponse(204);
        }

        var ids = new JsonArray();
        foreach (var id in (Guid[])response.Results["Ids"])
        {
            ids.Add(id.ToString("D"));
        }

        return WebApiResponse.Json(200, new JsonObject
        {
            ["@odata.context"] = request.ServiceRoot.AbsoluteUri + "$metadata#Microsoft.Dynamics.CRM.CreateMultipleResponse",
            ["Ids"] = ids,
        });
    }
}
