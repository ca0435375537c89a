using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.WebApi.Batch;
using DualWrite.Emulators.Dataverse.WebApi.Bulk;
using DualWrite.Emulators.Dataverse.WebApi.Faults;
using DualWrite.Emulators.Dataverse.WebApi.QueryOptions;
using DualWrite.Emulators.Dataverse.WebApi.Routing;
using DualWrite.Emulators.Dataverse.WebApi.Serialization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.WebApi;

/// <summary>
/// Answers Web API requests over an engine: service document, $metadata, reads, creates, updates, upserts,
/// deletes, bulk actions and $batch. Every write is an engine request, so it runs the plug-in pipeline.
/// Failures are thrown (WebApiException, engine faults, plug-in exceptions) and turned into error bodies by the caller.
/// </summary>
public sealed class WebApiRequestHandler
{
    /// <summary>The service's largest (and default) page.</summary>
    public const int MaxPageSize = 5000;

    private const string TagParameter = "tag";
    private const string BypassHeader = "MSCRM.BypassCustomPluginExecution";

    private readonly InMemoryDataverse _engine;
    private readonly Lazy<string> _metadata;

    public WebApiRequestHandler(InMemoryDataverse engine, ServiceModel model)
    {
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        Model = model ?? throw new ArgumentNullException(nameof(model));
        _metadata = new Lazy<string>(() => MetadataDocumentWriter.Write(model));
        Batches = new DataverseBatchProcessor(this, engine);
        Bulk = new BulkActionHandler(this);
    }

    public ServiceModel Model { get; }

    internal DataverseBatchProcessor Batches { get; }

    internal BulkActionHandler Bulk { get; }

    /// <summary>Handles a top-level request: each engine request in its own transaction.</summary>
    public WebApiResponse Handle(WebApiRequest request) => Handle(request, new WebApiExecution(_engine.Service.Execute));

    public WebApiResponse Handle(WebApiRequest request, WebApiExecution execution)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(execution);
        var path = ResolveContentIdPath(request.RelativePath, execution);
        var resource = ResourcePathParser.Parse(Model, path);
        return (resource.Kind, request.Method.ToUpperInvariant()) switch
        {
            (ResourceKind.ServiceDocument, "GET") => ServiceDocument(request),
            (ResourceKind.Metadata, "GET") => new WebApiResponse(200) { Body = _metadata.Value, ContentType = "application/xml" },
            (ResourceKind.Batch, "POST") => Batches.Process(request),
            (ResourceKind.Collection, "GET") => Query(request, resource.EntitySet!, execution),
            (ResourceKind.Collection, "POST") => Create(request, resource.EntitySet!, execution),
            (ResourceKind.CollectionAction, "POST") => Bulk.Handle(request, resource.EntitySet!, resource.Action!, execution),
            (ResourceKind.Record, "GET") => Retrieve(request, resource.EntitySet!, resource.Key!, execution),
            (ResourceKind.Record, "PATCH") => Patch(request, resource.EntitySet!, resource.Key!, execution),
            (ResourceKind.Record, "DELETE") => Delete(request, resource.EntitySet!, resource.Key!, execution),
            _ => throw new WebApiException(405, WebApiErrorCodes.BadRequest, $"The HTTP method '{request.Method}' is not allowed for '{request.RelativePath}'."),
        };
    }

    /// <summary>Engine requests carry the optional parameters of the Web API request: ?tag= and the bypass header.</summary>
    internal static T WithOptionalParameters<T>(WebApiRequest request, T organizationRequest)
        where T : OrganizationRequest
    {
        if (request.QueryValue(TagParameter) is { } tag)
        {
            organizationRequest.Parameters[TagParameter] = tag;
        }

        if (string.Equals(request.Header(BypassHeader), "true", StringComparison.OrdinalIgnoreCase))
        {
            organizationRequest.Parameters["BypassCustomPluginExecution"] = true;
        }

        return organizationRequest;
    }

    internal Entity ReadBody(WebApiRequest request, EntitySetModel set, WebApiExecution execution)
        => DataverseEntityJsonReader.Read(set, ParseObject(request.Body), url => ResolveBindToId(request, url, execution));

    /// <summary>A bind's reference as plug-ins see it: by id, an alternate key resolved first.</summary>
    internal EntityReference ResolveBindToId(WebApiRequest request, string url, WebApiExecution execution)
    {
        var reference = ResolveBind(request, url, execution);
        return reference.KeyAttributes.Count == 0 ? reference : ResolveAlternateKey(reference, url, execution);
    }

    internal static JsonObject ParseObject(string? body)
    {
        try
        {
            return JsonNode.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body) as JsonObject
                ?? throw WebApiException.BadRequest("The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw WebApiException.BadRequest("The request body is not valid JSON: " + ex.Message);
        }
    }

    /// <summary>A reference from a bind or @odata.id value: /accounts(id), accounts(key='x'), an absolute URL, or $n.</summary>
    internal EntityReference ResolveBind(WebApiRequest request, string url, WebApiExecution execution)
    {
        var path = url;
        var root = request.ServiceRoot.AbsoluteUri;
        if (path.StartsWith(root, StringComparison.OrdinalIgnoreCase))
        {
            path = path[root.Length..];
        }
        else if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            var marker = absolute.AbsolutePath.IndexOf(request.ServiceRoot.AbsolutePath, StringComparison.OrdinalIgnoreCase);
            path = marker >= 0 ? absolute.AbsolutePath[(marker + request.ServiceRoot.AbsolutePath.Length)..] : absolute.AbsolutePath;
        }

        path = path.TrimStart('/');
        if (path.StartsWith('$') && execution.ContentIds.TryGetValue(path[1..], out var referenced))
        {
            return new EntityReference(referenced.LogicalName, referenced.Id);
        }

        var resource = ResourcePathParser.Parse(Model, path);
        if (resource.Kind != ResourceKind.Record)
        {
            throw WebApiException.BadRequest($"'{url}' does not name one record.");
        }

        return resource.Key!.ToReference(resource.EntitySet!.Table.LogicalName);
    }

    /// <summary>
    /// Dataverse turns a bind by alternate key into the record's id before the pipeline runs, so plug-ins see
    /// the id (never an empty one with key attributes); a key that names no record is refused up front.
    /// Read through the execution so a record created earlier in the same changeset is found.
    /// </summary>
    private static EntityReference ResolveAlternateKey(EntityReference reference, string url, WebApiExecution execution)
    {
        try
        {
            var found = ((RetrieveResponse)execution.Execute(new RetrieveRequest { Target = reference, ColumnSet = new ColumnSet(false) })).Entity;
            return new EntityReference(reference.LogicalName, found.Id);
        }
        catch (DataverseFaultException ex) when (ex.ErrorCode == ErrorCodes.ObjectDoesNotExist)
        {
            var key = string.Join(", ", reference.KeyAttributes.Select(k => k.Key + " = " + (k.Value is string text ? "'" + text + "'" : Convert.ToString(k.Value, CultureInfo.InvariantCulture))));
            throw new WebApiException(404, "0x80040217", $"A record with the specified key values does not exist in {reference.LogicalName} entity ({key}), referenced by the bind '{url}'.");
        }
    }

    internal Uri EntityUrl(WebApiRequest request, EntitySetModel set, Guid id)
        => new(request.ServiceRoot, set.Name + "(" + id.ToString("D") + ")");

    private WebApiResponse ServiceDocument(WebApiRequest request)
    {
        var sets = new JsonArray();
        foreach (var set in Model.EntitySets)
        {
            sets.Add(new JsonObject { ["name"] = set.Name, ["kind"] = "EntitySet", ["url"] = set.Name });
        }

        return WebApiResponse.Json(200, new JsonObject { ["@odata.context"] = request.ServiceRoot.AbsoluteUri + "$metadata", ["value"] = sets });
    }

    private WebApiResponse Query(WebApiRequest request, EntitySetModel set, WebApiExecution execution)
    {
        var options = ODataQueryOptions.Parse(set, request.Query);
        var maxPageSize = ParseMaxPageSize(request);
        var query = new QueryExpression(set.Table.LogicalName) { ColumnSet = options.ColumnSet() };
        if (options.Filter is not null)
        {
            query.Criteria = options.Filter;
        }

        foreach (var order in options.OrderBy)
        {
            query.Orders.Add(order);
        }

        if (options.Top is int top)
        {
            query.TopCount = top;
        }
        else
        {
            query.PageInfo = new PagingInfo
            {
                Count = maxPageSize ?? MaxPageSize,
                PageNumber = options.SkipToken?.PageNumber ?? 1,
                PagingCookie = options.SkipToken?.PagingCookie,
                ReturnTotalRecordCount = options.Count,
            };
        }

        var result = ((RetrieveMultipleResponse)execution.Execute(WithOptionalParameters(request, new RetrieveMultipleRequest { Query = query }))).EntityCollection;
        var body = new JsonObject { ["@odata.context"] = request.ServiceRoot.AbsoluteUri + "$metadata#" + set.Name + SelectSuffix(options) };
        if (options.Count)
        {
            body["@odata.count"] = options.Top is null ? result.TotalRecordCount : result.Entities.Count;
        }

        var rows = new JsonArray();
        foreach (var entity in result.Entities)
        {
            rows.Add(DataverseEntityJsonWriter.Write(set, entity, options.Select));
        }

        body["value"] = rows;
        if (options.Top is null && result.MoreRecords)
        {
            var next = new SkipToken((options.SkipToken?.PageNumber ?? 1) + 1, result.PagingCookie).Serialize();
            var kept = request.Query.Where(p => p.Key != "$skiptoken").Append(new("$skiptoken", next));
            body["@odata.nextLink"] = request.ServiceRoot.AbsoluteUri + set.Name + "?" + string.Join("&", kept.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        }

        var response = WebApiResponse.Json(200, body);
        if (maxPageSize is int applied)
        {
            response.Headers["Preference-Applied"] = "odata.maxpagesize=" + applied.ToString(CultureInfo.InvariantCulture);
        }

        return response;
    }

    private static int? ParseMaxPageSize(WebApiRequest request)
    {
        var text = request.PreferenceValue("odata.maxpagesize");
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0
            ? Math.Min(size, MaxPageSize)
            : throw WebApiException.BadRequest($"The odata.maxpagesize preference '{text}' must be a positive integer.");
    }

    private static string SelectSuffix(ODataQueryOptions options)
        => options.Select is null ? string.Empty : "(" + string.Join(",", options.Select.Select(EntitySetModel.PropertyOf)) + ")";

    private WebApiResponse Retrieve(WebApiRequest request, EntitySetModel set, RecordKey key, WebApiExecution execution)
    {
        var options = ODataQueryOptions.Parse(set, request.Query);
        var entity = RetrieveEntity(request, set, key.ToReference(set.Table.LogicalName), options, execution);
        var body = DataverseEntityJsonWriter.Write(set, entity, options.Select);
        body.Insert(0, "@odata.context", request.ServiceRoot.AbsoluteUri + "$metadata#" + set.Name + SelectSuffix(options) + "/$entity");
        var response = WebApiResponse.Json(200, body);
        if (entity.RowVersion is { } version)
        {
            response.Headers["ETag"] = ETag.Format(version);
        }

        return response;
    }

    private static Entity RetrieveEntity(WebApiRequest request, EntitySetModel set, EntityReference target, ODataQueryOptions options, WebApiExecution execution)
        => ((RetrieveResponse)execution.Execute(WithOptionalParameters(request, new RetrieveRequest { Target = target, ColumnSet = options.ColumnSet() }))).Entity;

    private WebApiResponse Create(WebApiRequest request, EntitySetModel set, WebApiExecution execution)
    {
        var entity = ReadBody(request, set, execution);
        var id = ((CreateResponse)execution.Execute(WithOptionalParameters(request, new CreateRequest { Target = entity }))).id;
        return WriteResponse(request, set, id, execution, created: true);
    }

    private WebApiResponse WriteResponse(WebApiRequest request, EntitySetModel set, Guid id, WebApiExecution execution, bool created)
    {
        var record = new EntityReference(set.Table.LogicalName, id);
        var url = EntityUrl(request, set, id).AbsoluteUri;
        if (request.PreferenceValue("return") == "representation")
        {
            var options = ODataQueryOptions.Parse(set, request.Query);
            var entity = RetrieveEntity(request, set, record, options, execution);
            var body = DataverseEntityJsonWriter.Write(set, entity, options.Select);
            body.Insert(0, "@odata.context", request.ServiceRoot.AbsoluteUri + "$metadata#" + set.Name + SelectSuffix(options) + "/$entity");
            var representation = new WebApiResponse(created ? 201 : 200) { Body = body.ToJsonString(WebApiResponse.JsonOptions), Record = record };
            representation.Headers["Preference-Applied"] = "return=representation";
            representation.Headers["OData-EntityId"] = url;
            if (entity.RowVersion is { } version)
            {
                representation.Headers["ETag"] = ETag.Format(version);
            }

            return representation;
        }

        var response = new WebApiResponse(204) { Record = record };
        response.Headers["OData-EntityId"] = url;
        return response;
    }

    private WebApiResponse Patch(WebApiRequest request, EntitySetModel set, RecordKey key, WebApiExecution execution)
    {
        var entity = ReadBody(request, set, execution);
        if (key.KeyAttributes is { } keys)
        {
            entity.KeyAttributes = keys;
        }
        else
        {
            entity.Id = key.Id;
        }

        var ifMatch = request.Header("If-Match");
        var ifNoneMatch = request.Header("If-None-Match");
        Guid id;
        if (ifNoneMatch == "*")
        {
            try
            {
                id = ((CreateResponse)execution.Execute(WithOptionalParameters(request, new CreateRequest { Target = entity }))).id;
            }
            catch (DataverseFaultException fault) when (fault.ErrorCode == ErrorCodes.DuplicateRecord)
            {
                throw new WebApiException(412, WebApiErrorCodes.DuplicateRecord, "A record with matching key values already exists.");
            }
        }
        else if (ifMatch is not null)
        {
            var update = new UpdateRequest { Target = entity };
            if (ifMatch != "*")
            {
                entity.RowVersion = ETag.Parse(ifMatch) ?? throw WebApiException.BadRequest($"The If-Match header '{ifMatch}' is not an entity tag.");
                update.ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches;
            }

            execution.Execute(WithOptionalParameters(request, update));
            id = IdOf(request, set, key, execution);
        }
        else
        {
            var upsert = (UpsertResponse)execution.Execute(WithOptionalParameters(request, new UpsertRequest { Target = entity }));
            id = ((EntityReference)upsert.Results["Target"]).Id;
        }

        return WriteResponse(request, set, id, execution, created: false);
    }

    private static Guid IdOf(WebApiRequest request, EntitySetModel set, RecordKey key, WebApiExecution execution)
        => key.KeyAttributes is null
            ? key.Id
            : ((RetrieveResponse)execution.Execute(new RetrieveRequest { Target = key.ToReference(set.Table.LogicalName), ColumnSet = new ColumnSet(false) })).Entity.Id;

    private static WebApiResponse Delete(WebApiRequest request, EntitySetModel set, RecordKey key, WebApiExecution execution)
    {
        var target = key.ToReference(set.Table.LogicalName);
        var delete = new DeleteRequest { Target = target };
        if (request.Header("If-Match") is { } ifMatch && ifMatch != "*")
        {
            target.RowVersion = ETag.Parse(ifMatch) ?? throw WebApiException.BadRequest($"The If-Match header '{ifMatch}' is not an entity tag.");
            delete.ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches;
        }

        execution.Execute(WithOptionalParameters(request, delete));
        return new WebApiResponse(204);
    }

    private string ResolveContentIdPath(string path, WebApiExecution execution)
    {
        // In a changeset a URL may start with $n: the record request n wrote.
        var trimmed = path.TrimStart('/');
        if (!trimmed.StartsWith('$') || trimmed is "$metadata" or "$batch")
        {
            return path;
        }

        var end = trimmed.IndexOf('/', StringComparison.Ordinal);
        var id = end < 0 ? trimmed[1..] : trimmed[1..end];
        return execution.ContentIds.TryGetValue(id, out var record)
            ? new StringBuilder().Append(Model.ForTable(record.LogicalName).Name).Append('(').Append(record.Id.ToString("D")).Append(')').Append(end < 0 ? string.Empty : trimmed[end..]).ToString()
            : throw WebApiException.BadRequest($"Content-ID reference '${id}' does not name an earlier request of this changeset.");
    }
}
