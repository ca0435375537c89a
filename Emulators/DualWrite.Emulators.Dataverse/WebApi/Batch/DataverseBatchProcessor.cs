using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DualWrite.Core.Multipart;
using DualWrite.Emulators.Dataverse.WebApi.Faults;

namespace DualWrite.Emulators.Dataverse.WebApi.Batch;

/// <summary>
/// $batch: parts run in order; a changeset runs in ONE engine transaction (all its writes, with their plug-ins,
/// commit together or not at all) and may refer to earlier requests by Content-ID ($1). Without
/// Prefer: odata.continue-on-error the batch stops at the first failure and answers 400; with it, 200 with
/// every part's result. At most 1000 requests, no GET inside a changeset, no nesting.
/// </summary>
internal sealed class DataverseBatchProcessor
{
    public const int MaxRequests = 1000;

    private readonly WebApiRequestHandler _handler;
    private readonly InMemoryDataverse _engine;

    public DataverseBatchProcessor(WebApiRequestHandler handler, InMemoryDataverse engine)
    {
        _handler = handler;
        _engine = engine;
    }

    public WebApiResponse Process(WebApiRequest request)
    {
        var contentType = request.Header("Content-Type");
        var boundary = contentType is not null && contentType.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase)
            ? MultipartReader.BoundaryOf(contentType)
            : null;
        if (boundary is null)
        {
            throw WebApiException.BadRequest("A $batch request needs Content-Type: multipart/mixed; boundary=batch_<id>.");
        }

        var parts = ReadParts(request.Body ?? string.Empty, boundary);
        var changesets = parts.Select(p => p.NestedBoundary is { } b ? ReadParts(p.Content, b) : null).ToList();
        var count = changesets.Sum(c => c?.Count ?? 1);
        if (count > MaxRequests)
        {
            throw WebApiException.BadRequest($"The number of requests in batch is {count}; it exceeds the limit of {MaxRequests}.");
        }

        var continueOnError = request.Prefers("odata.continue-on-error");
        var responseBoundary = "batchresponse_" + Guid.NewGuid().ToString("D");
        var text = new StringBuilder();
        var failed = false;
        for (var i = 0; i < parts.Count && !(failed && !continueOnError); i++)
        {
            if (changesets[i] is { } changeset)
            {
                var results = RunChangeset(request, changeset, out var changesetFailed);
                failed |= changesetFailed;
                BatchResponseWriter.AppendChangeset(text, responseBoundary, results);
            }
            else
            {
                var inner = ParseInnerRequest(request, parts[i]);
                var response = Run(inner, new WebApiExecution(_engine.Service.Execute));
                failed |= response.StatusCode >= 400;
                BatchResponseWriter.AppendResponse(text, responseBoundary, response, parts[i].Header("Content-ID"));
            }
        }

        MultipartWriter.AppendClose(text, responseBoundary);
        return new WebApiResponse(failed && !continueOnError ? 400 : 200)
        {
            Body = text.ToString(),
            ContentType = "multipart/mixed; boundary=" + responseBoundary,
        };
    }

    private List<(WebApiResponse Response, string? ContentId)> RunChangeset(WebApiRequest batch, IReadOnlyList<MultipartPart> parts, out bool failed)
    {
        var results = new List<(WebApiResponse, string?)>();
        failed = false;
        using var transaction = _engine.BeginTransaction();
        var execution = new WebApiExecution(transaction.Execute);
        foreach (var part in parts)
        {
            var contentId = part.Header("Content-ID");
            WebApiResponse response;
            try
            {
                var inner = ParseInnerRequest(batch, part);
                if (inner.Method.Equals("GET", StringComparison.OrdinalIgnoreCase) || part.NestedBoundary is not null)
                {
                    throw WebApiException.BadRequest("A changeset may hold only POST, PATCH, PUT and DELETE requests (no GET, no nested changeset).");
                }

                response = _handler.Handle(inner, execution);
            }
            catch (Exception ex) when (WebApiError.From(ex) is not null)
            {
                // The first failure loses the whole changeset: its transaction is dropped, only the error is answered.
                failed = true;
                return [(WebApiResponse.Error(WebApiError.From(ex)!), contentId)];
            }

            if (contentId is not null && response.Record is { } record)
            {
                execution.ContentIds[contentId] = record;
            }

            results.Add((response, contentId));
        }

        try
        {
            transaction.Commit();
        }
        catch (Exception ex) when (WebApiError.From(ex) is not null)
        {
            failed = true;
            return [(WebApiResponse.Error(WebApiError.From(ex)!), null)];
        }

        return results;
    }

    private WebApiResponse Run(WebApiRequest request, WebApiExecution execution)
    {
        try
        {
            return _handler.Handle(request, execution);
        }
        catch (Exception ex) when (WebApiError.From(ex) is not null)
        {
            return WebApiResponse.Error(WebApiError.From(ex)!);
        }
    }

    /// <summary>A multipart body's parts; a malformed body is the client's mistake (400).</summary>
    private static IReadOnlyList<MultipartPart> ReadParts(string body, string boundary)
    {
        try
        {
            return MultipartReader.Read(body, boundary);
        }
        catch (FormatException ex)
        {
            throw WebApiException.BadRequest(ex.Message);
        }
    }

    /// <summary>The HTTP request inside an application/http part: request line, headers, blank line, body.</summary>
    private static WebApiRequest ParseInnerRequest(WebApiRequest batch, MultipartPart part)
    {
        if (part.Content.Trim().Length == 0)
        {
            throw WebApiException.BadRequest("A $batch part holds no request.");
        }

        var message = MultipartReader.ReadHttpMessage(part.Content);
        var requestLine = message.StartLineWords;
        if (requestLine.Length < 2)
        {
            throw WebApiException.BadRequest($"'{message.StartLine}' is not an HTTP request line.");
        }

        var headers = message.Headers;
        var body = message.Body;
        foreach (var header in batch.Headers.Where(h => h.Key.StartsWith("MSCRM.", StringComparison.OrdinalIgnoreCase)))
        {
            headers.TryAdd(header.Key, header.Value); // bypass headers on the batch apply to its requests
        }

        var (path, query) = SplitUrl(batch.ServiceRoot, requestLine[1]);
        return new WebApiRequest
        {
            Method = requestLine[0],
            RelativePath = path,
            Query = WebApiRequest.ParseQuery(query),
            Headers = headers,
            Body = body.Length == 0 ? null : body,
            ServiceRoot = batch.ServiceRoot,
        };
    }

    /// <summary>A part's URL (absolute, /api/data/v9.2/..., relative, or $n) as a path relative to the service root and its query.</summary>
    private static (string Path, string Query) SplitUrl(Uri serviceRoot, string url)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? url : url[..question];
        var query = question < 0 ? string.Empty : url[(question + 1)..];
        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            path = absolute.AbsolutePath;
        }

        if (path.StartsWith(serviceRoot.AbsolutePath, StringComparison.OrdinalIgnoreCase))
        {
            path = path[serviceRoot.AbsolutePath.Length..];
        }

        // Still encoded, as an HTTP request's path is: the key parser decodes key values itself.
        return (path.TrimStart('/'), query);
    }
}
