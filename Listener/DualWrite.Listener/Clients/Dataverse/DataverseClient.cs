using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.Listener.Clients.Dataverse;

/// <summary>
/// The Dataverse Web API (<c>/api/data/v9.2/</c>) as typed calls: retrieve by id or alternate key, query
/// with paging, upsert by key, delete, <c>$batch</c>. Every write can carry the <c>tag</c> optional
/// parameter (our plug-in skips writes tagged <c>DualWrite</c>). Expected failures come back as values.
/// </summary>
public sealed class DataverseClient
{
    /// <summary>The tag the listener puts on every write so the write-through plug-in does not send it back.</summary>
    public const string IntegrationTag = "DualWrite";

    /// <summary>Dataverse's largest page (and its default).</summary>
    public const int MaxPageSize = 5000;

    private readonly ODataTransport _transport;

    /// <param name="http">An HttpClient whose handlers add the bearer token and resilience.</param>
    /// <param name="webApiRoot"><c>https://org.crm.dynamics.com/api/data/v9.2/</c>.</param>
    public DataverseClient(HttpClient http, Uri webApiRoot, TimeProvider timeProvider)
    {
        _transport = new ODataTransport(http, webApiRoot, "Dataverse", preferInnerMessage: false, timeProvider);
    }

    public Uri WebApiRoot => _transport.ServiceRoot;

    /// <summary>GET one record by its entity path (<c>accounts(accountnumber='A1')</c>); null when it does not exist.</summary>
    public Task<ODataResult<JsonObject?>> RetrieveAsync(string entityPath, IReadOnlyList<string>? select, CancellationToken cancellationToken)
    {
        var query = new ODataQuery { Select = select }.ToQueryString();
        return _transport.GetRecordAsync(query.Length == 0 ? entityPath : entityPath + "?" + query, cancellationToken);
    }

    /// <summary>The id (<c>&lt;logicalName&gt;id</c>) of the record at <paramref name="entityPath"/>; null when it does not exist.</summary>
    public async Task<ODataResult<Guid?>> FindIdAsync(string entityPath, string logicalName, CancellationToken cancellationToken)
    {
        var idColumn = logicalName + "id";
        var result = await RetrieveAsync(entityPath, new[] { idColumn }, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return ODataResult<Guid?>.Failure(result.Error);
        }

        return ODataResult<Guid?>.Success(ReadGuid(result.Value, idColumn));
    }

    /// <summary>The id of the first record matching <paramref name="filter"/> (for keys Dataverse refuses in URLs).</summary>
    public async Task<ODataResult<Guid?>> FindIdByFilterAsync(string entitySet, string logicalName, string filter, CancellationToken cancellationToken)
    {
        var idColumn = logicalName + "id";
        var page = await QueryPageAsync(entitySet, new ODataQuery { Filter = filter, Select = new[] { idColumn }, Top = 1 }, null, cancellationToken).ConfigureAwait(false);
        if (!page.Succeeded)
        {
            return ODataResult<Guid?>.Failure(page.Error);
        }

        return ODataResult<Guid?>.Success(page.Value!.Rows.Count == 0 ? null : ReadGuid(page.Value.Rows[0], idColumn));
    }

    /// <summary>One page of a query; pass the previous page's <see cref="ODataPage.NextLink"/> to <see cref="NextPageAsync"/>.</summary>
    public Task<ODataResult<ODataPage>> QueryPageAsync(string entitySet, ODataQuery query, int? maxPageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query.ToQueryString();
        return _transport.GetPageAsync(_transport.Resolve(text.Length == 0 ? entitySet : entitySet + "?" + text), maxPageSize, cancellationToken);
    }

    public Task<ODataResult<ODataPage>> NextPageAsync(Uri nextLink, int? maxPageSize, CancellationToken cancellationToken) =>
        _transport.GetPageAsync(nextLink, maxPageSize, cancellationToken);

    /// <summary>Every row of a query, following <c>@odata.nextLink</c>, at most <paramref name="maxRows"/>.</summary>
    public Task<ODataResult<IReadOnlyList<JsonObject>>> QueryAllAsync(string entitySet, ODataQuery query, int maxPageSize = MaxPageSize, int maxRows = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query.ToQueryString();
        return _transport.GetAllAsync(_transport.Resolve(text.Length == 0 ? entitySet : entitySet + "?" + text), maxPageSize, maxRows, cancellationToken);
    }

    /// <summary>
    /// PATCH by entity path (an alternate key: an upsert). Returns the record's id from <c>OData-EntityId</c>
    /// when the service sends it.
    /// </summary>
    public async Task<ODataResult<Guid?>> UpsertAsync(string entityPath, JsonObject payload, UpsertMode mode, string? tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var headers = mode switch
        {
            UpsertMode.UpdateOnly => new[] { new KeyValuePair<string, string>("If-Match", "*") },
            UpsertMode.CreateOnly => new[] { new KeyValuePair<string, string>("If-None-Match", "*") },
            _ => null,
        };
        var result = await _transport.SendAsync(HttpMethod.Patch, WithTag(entityPath, tag), payload, headers, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? ODataResult<Guid?>.Success(IdFromEntityId(result.Value!.EntityId))
            : ODataResult<Guid?>.Failure(result.Error);
    }

    /// <summary>POST a new record; returns its id.</summary>
    public async Task<ODataResult<Guid?>> CreateAsync(string entitySet, JsonObject payload, string? tag, CancellationToken cancellationToken)
    {
        var result = await _transport.SendAsync(HttpMethod.Post, WithTag(entitySet, tag), payload, null, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? ODataResult<Guid?>.Success(IdFromEntityId(result.Value!.EntityId))
            : ODataResult<Guid?>.Failure(result.Error);
    }

    /// <summary>DELETE by entity path: true when deleted, false when there was nothing to delete (404).</summary>
    public async Task<ODataResult<bool>> DeleteAsync(string entityPath, string? tag, CancellationToken cancellationToken)
    {
        var result = await _transport.SendAsync(HttpMethod.Delete, WithTag(entityPath, tag), null, null, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return ODataResult<bool>.Success(true);
        }

        return result.Error.IsNotFound ? ODataResult<bool>.Success(false) : ODataResult<bool>.Failure(result.Error);
    }

    /// <summary>
    /// POST <c>$batch</c>. <paramref name="atomic"/> puts every operation in one changeset (all or nothing);
    /// otherwise <c>Prefer: odata.continue-on-error</c> asks for a result per part.
    /// </summary>
    public async Task<ODataResult<IReadOnlyList<BatchOperationResult>>> BatchAsync(IReadOnlyList<BatchOperation> operations, bool atomic, string? tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var tagged = new List<BatchOperation>(operations.Count);
        foreach (var operation in operations)
        {
            tagged.Add(operation.Method == HttpMethod.Get ? operation : operation with { RelativeUrl = WithTag(operation.RelativeUrl, tag) });
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve("$batch"))
        {
            Content = ODataBatch.Write(tagged, _transport.ServiceRoot, atomic, Guid.NewGuid().ToString("N")),
        };
        request.Headers.TryAddWithoutValidation("OData-MaxVersion", "4.0");
        request.Headers.TryAddWithoutValidation("OData-Version", "4.0");
        if (!atomic)
        {
            request.Headers.TryAddWithoutValidation("Prefer", "odata.continue-on-error");
        }

        return await BatchTransport.SendAsync(_transport, request, preferInnerMessage: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// POST <c>{set}/Microsoft.Dynamics.CRM.UpsertMultiple</c>: every target by its <c>@odata.id</c> (alternate key).
    /// All or none: a refusal of one target refuses the call, with that target's reason.
    /// </summary>
    public Task<ODataResult<ODataResponse>> UpsertMultipleAsync(string entitySet, string logicalName, IReadOnlyList<BulkTarget> targets, string? tag, CancellationToken cancellationToken) =>
        SendBulkActionAsync("UpsertMultiple", entitySet, logicalName, targets, tag, cancellationToken);

    /// <summary>POST <c>{set}/Microsoft.Dynamics.CRM.CreateMultiple</c>; returns the new ids in target order. All or none.</summary>
    public async Task<ODataResult<IReadOnlyList<Guid>>> CreateMultipleAsync(string entitySet, string logicalName, IReadOnlyList<BulkTarget> targets, string? tag, CancellationToken cancellationToken)
    {
        var result = await SendBulkActionAsync("CreateMultiple", entitySet, logicalName, targets, tag, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return ODataResult<IReadOnlyList<Guid>>.Failure(result.Error);
        }

        var ids = new List<Guid>(targets.Count);
        if (result.Value!.Body?["Ids"] is JsonArray array)
        {
            foreach (var node in array)
            {
                if (node is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id))
                {
                    ids.Add(id);
                }
            }
        }

        return ODataResult<IReadOnlyList<Guid>>.Success(ids);
    }

    /// <summary>Appends <c>tag=&lt;tag&gt;</c> to a URL's query string.</summary>
    public static string WithTag(string relativeUrl, string? tag)
    {
        ArgumentNullException.ThrowIfNull(relativeUrl);
        if (string.IsNullOrEmpty(tag))
        {
            return relativeUrl;
        }

        return relativeUrl + (relativeUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "tag=" + Uri.EscapeDataString(tag);
    }

    // The body is written straight from the targets' nodes: copying a thousand JsonObjects into one array
    // would clone each (a node has one parent). Bytes, so a retry can send it again.
    private Task<ODataResult<ODataResponse>> SendBulkActionAsync(string action, string entitySet, string logicalName, IReadOnlyList<BulkTarget> targets, string? tag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(entitySet);
        ArgumentException.ThrowIfNullOrEmpty(logicalName);
        ArgumentNullException.ThrowIfNull(targets);
        var buffer = new ArrayBufferWriter<byte>(targets.Count * 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Targets");
            var type = "Microsoft.Dynamics.CRM." + logicalName;
            foreach (var target in targets)
            {
                writer.WriteStartObject();
                writer.WriteString("@odata.type", type);
                if (target.EntityPath is not null)
                {
                    writer.WriteString("@odata.id", target.EntityPath);
                }

                foreach (var property in target.Body)
                {
                    if (property.Key is "@odata.type" or "@odata.id")
                    {
                        continue;
                    }

                    writer.WritePropertyName(property.Key);
                    if (property.Value is null)
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        property.Value.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var request = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve(WithTag(entitySet + "/Microsoft.Dynamics.CRM." + action, tag)))
        {
            Content = new ByteArrayContent(buffer.WrittenSpan.ToArray()),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("OData-MaxVersion", "4.0");
        request.Headers.TryAddWithoutValidation("OData-Version", "4.0");
        return SendAndDisposeAsync(request, cancellationToken);
    }

    private async Task<ODataResult<ODataResponse>> SendAndDisposeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await _transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Guid? ReadGuid(JsonObject? record, string column) =>
        record?[column] is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id) ? id : null;

    private static Guid? IdFromEntityId(Uri? entityId)
    {
        if (entityId is null)
        {
            return null;
        }

        var path = entityId.AbsolutePath;
        var open = path.LastIndexOf('(');
        var close = path.LastIndexOf(')');
        return open >= 0 && close > open && Guid.TryParse(path[(open + 1)..close], CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
