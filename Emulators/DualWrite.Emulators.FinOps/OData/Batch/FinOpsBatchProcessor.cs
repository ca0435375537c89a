using System;
using System.Collections.Generic;
using System.Text;
using DualWrite.Core.Multipart;
using DualWrite.Emulators.FinOps.Events;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.OData.Batch;

/// <summary>
/// <c>POST /data/$batch</c> (multipart/mixed). Requests outside a changeset run one by one; a changeset
/// runs in one store transaction: all its writes commit together, or the first failure undoes them and
/// is the changeset's only response (OData v4). Events of a changeset are published after it commits.
/// Content-ID references (<c>$1</c>) name entities created earlier in the same changeset. A batch inside a batch
/// is not an operation: its part answers 404, as an unknown segment.
/// </summary>
public sealed class FinOpsBatchProcessor
{
    private readonly FinOpsStore _store;
    private readonly ODataService _service;
    private readonly IChangePublisher _publisher;

    public FinOpsBatchProcessor(FinOpsStore store, ODataService service, IChangePublisher publisher)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _service = service ?? throw new ArgumentNullException(nameof(service));
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
    }

    public ODataResponse Execute(ODataRequest batch, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var boundary = MultipartReader.BoundaryOf(contentType);
        if (boundary is null || contentType is null || !contentType.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            return ODataErrors.BadRequest("A $batch request must have the content type multipart/mixed with a boundary.");
        }

        var responseBoundary = "batchresponse_" + Guid.NewGuid().ToString("D");
        var output = new StringBuilder();
        try
        {
            foreach (var part in MultipartReader.Read(batch.Body, boundary))
            {
                MultipartWriter.AppendDelimiter(output, responseBoundary);
                var partType = part.Header("Content-Type") ?? string.Empty;
                if (partType.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
                {
                    var changesetBoundary = MultipartReader.BoundaryOf(partType)
                        ?? throw new FormatException("A changeset part has no boundary in its Content-Type.");
                    WriteChangeset(output, batch, MultipartReader.Read(part.Content, changesetBoundary));
                }
                else
                {
                    var request = ToRequest(batch, part.Content, new Dictionary<string, string>());
                    FinOpsBatchResponseWriter.AppendResponse(output, _service.ExecuteOperation(request), part.Header("Content-ID"));
                }
            }
        }
        catch (FormatException ex)
        {
            return ODataErrors.BadRequest("The $batch body is not valid: " + ex.Message);
        }

        MultipartWriter.AppendClose(output, responseBoundary);
        return ODataResponse.Text(200, output.ToString(), "multipart/mixed; boundary=" + responseBoundary)
            .WithHeader("OData-Version", "4.0");
    }

    private void WriteChangeset(StringBuilder output, ODataRequest batch, IReadOnlyList<MultipartPart> parts)
    {
        var contentIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var responses = new List<(ODataResponse Response, string? ContentId)>();
        IReadOnlyList<StoreChange> changes;
        using (var transaction = _store.BeginWrite())
        {
            foreach (var part in parts)
            {
                var contentId = part.Header("Content-ID");
                var request = ToRequest(batch, part.Content, contentIds);
                var response = request.IsWrite
                    ? _service.ExecuteWrite(request, transaction)
                    : ODataErrors.BadRequest("A changeset may hold only writes (POST, PATCH, PUT, DELETE), not " + request.Method + ".");
                if (!response.IsSuccess)
                {
                    // Disposing the transaction undoes the changeset's earlier writes; its one response is the failure.
                    FinOpsBatchResponseWriter.AppendResponse(output, response, contentId);
                    return;
                }

                if (contentId is not null && response.Headers.TryGetValue("Location", out var location))
                {
                    contentIds[contentId] = location;
                }

                responses.Add((response, contentId));
            }

            changes = transaction.Commit();
        }

        _publisher.Publish(changes, batch.InitiatingUser);
        var changesetBoundary = "changesetresponse_" + Guid.NewGuid().ToString("D");
        output.Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        foreach (var (response, contentId) in responses)
        {
            MultipartWriter.AppendDelimiter(output, changesetBoundary);
            FinOpsBatchResponseWriter.AppendResponse(output, response, contentId);
        }

        MultipartWriter.AppendClose(output, changesetBoundary);
    }

    private static ODataRequest ToRequest(ODataRequest batch, string content, Dictionary<string, string> contentIds)
    {
        var message = MultipartReader.ReadHttpMessage(content);
        var requestLine = message.StartLineWords;
        if (requestLine.Length < 2)
        {
            throw new FormatException("The request line '" + message.StartLine + "' is not 'METHOD URL HTTP/1.1'.");
        }

        var (method, url, headers, body) = (requestLine[0].ToUpperInvariant(), requestLine[1], message.Headers, message.Body.Trim());

        // "$1" (alone or followed by a path) refers to an entity created earlier in the changeset.
        if (url.StartsWith('$') && contentIds.Count > 0)
        {
            var end = url.IndexOfAny(['/', '?']);
            var id = end < 0 ? url[1..] : url[1..end];
            if (contentIds.TryGetValue(id, out var location))
            {
                url = location + (end < 0 ? string.Empty : url[end..]);
            }
        }

        var root = batch.ServiceRoot.AbsoluteUri;
        var dataSegment = url.IndexOf("/data/", StringComparison.Ordinal);
        var path = url.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? url[root.Length..]
            : url.StartsWith(batch.ServiceRoot.AbsolutePath, StringComparison.Ordinal) ? url[batch.ServiceRoot.AbsolutePath.Length..]
            : url.Contains("://", StringComparison.Ordinal) && dataSegment >= 0 ? url[(dataSegment + "/data/".Length)..]
            : url.TrimStart('/');
        var query = string.Empty;
        var question = path.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = path[(question + 1)..];
            path = path[..question];
        }

        return new ODataRequest(method, path, query, headers, body, batch.ServiceRoot) { DefaultCompany = batch.DefaultCompany, InitiatingUser = batch.InitiatingUser };
    }
}
