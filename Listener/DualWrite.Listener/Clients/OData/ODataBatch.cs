using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualWrite.Core.Multipart;

namespace DualWrite.Listener.Clients.OData;

/// <summary>
/// Writes and reads OData v4 <c>multipart/mixed</c> batches: each part <c>application/http</c> with
/// <c>Content-Transfer-Encoding: binary</c>; writes may go in one changeset (atomic, no GETs, Content-IDs 1..n).
/// </summary>
public static class ODataBatch
{
    /// <summary>The request body and its content type. Absolute URLs inside the parts: both services accept them.</summary>
    public static HttpContent Write(IReadOnlyList<BatchOperation> operations, Uri serviceRoot, bool atomic, string boundarySeed)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(serviceRoot);
        var batch = "batch_" + boundarySeed;
        var changeset = "changeset_" + boundarySeed;
        var text = new StringBuilder();
        if (atomic)
        {
            MultipartWriter.AppendNestedStart(text, batch, changeset);
        }

        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            if (atomic && operation.Method == HttpMethod.Get)
            {
                throw new ArgumentException("A changeset cannot hold a GET (operation " + i + ").", nameof(operations));
            }

            var headers = new List<KeyValuePair<string, string>> { new("Accept", "application/json") };
            if (operation.IfMatch is not null)
            {
                headers.Add(new("If-Match", operation.IfMatch));
            }

            if (operation.Body is not null)
            {
                headers.Add(new("Content-Type", "application/json; charset=utf-8"));
            }

            MultipartWriter.AppendDelimiter(text, atomic ? changeset : batch);
            var requestLine = operation.Method.Method + " " + new Uri(serviceRoot, operation.RelativeUrl).AbsoluteUri + " HTTP/1.1";
            var contentId = atomic ? (i + 1).ToString(CultureInfo.InvariantCulture) : null;
            MultipartWriter.AppendHttpPart(text, contentId, requestLine, headers, operation.Body?.ToJsonString());
        }

        if (atomic)
        {
            MultipartWriter.AppendClose(text, changeset);
        }

        MultipartWriter.AppendClose(text, batch);
        var content = new StringContent(text.ToString(), Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/mixed; boundary=" + batch);
        return content;
    }

    /// <summary>Reads a batch response (changesets flattened) into one result per <c>application/http</c> part, in order.</summary>
    public static IReadOnlyList<BatchOperationResult> Read(string body, string contentType, string service, bool preferInnerMessage)
    {
        var results = new List<BatchOperationResult>();
        ReadMultipart(body ?? string.Empty, MultipartReader.BoundaryOf(contentType), results, service, preferInnerMessage);
        return results;
    }

    private static void ReadMultipart(string body, string? boundary, List<BatchOperationResult> results, string service, bool preferInnerMessage)
    {
        if (boundary is null)
        {
            return;
        }

        // Whatever parts arrived: a cut-short answer still reports the operations it covers.
        foreach (var part in MultipartReader.ReadAvailable(body, boundary))
        {
            if (part.NestedBoundary is { } changeset)
            {
                ReadMultipart(part.Content, changeset, results, service, preferInnerMessage);
            }
            else
            {
                results.Add(ReadHttpPart(results.Count, part.Content, service, preferInnerMessage));
            }
        }
    }

    private static BatchOperationResult ReadHttpPart(int index, string part, string service, bool preferInnerMessage)
    {
        var status = (HttpStatusCode)0;
        var body = string.Empty;
        if (part.Trim().Length > 0)
        {
            var message = MultipartReader.ReadHttpMessage(part);
            var pieces = message.StartLineWords;
            status = pieces.Length >= 2 && int.TryParse(pieces[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? (HttpStatusCode)code : 0;
            body = message.Body.Trim();
        }

        JsonObject? json = null;
        if (body.Length > 0)
        {
            try
            {
                json = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
                // Left null; a failing part still gets its text through the error reader.
            }
        }

        var succeeded = (int)status is >= 200 and < 300;
        var error = succeeded ? null : ODataErrorReader.Read(status, body, null, service, "batch part " + (index + 1), preferInnerMessage);
        return new BatchOperationResult(index, status, json, error);
    }
}
