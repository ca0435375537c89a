using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DualWrite.Core.Multipart;
using Microsoft.AspNetCore.WebUtilities;

namespace DualWrite.Emulators.Dataverse.WebApi.Batch;

/// <summary>Writes $batch answers through Core's MultipartWriter: each response as an application/http part; a changeset's inside its own multipart.</summary>
internal static class BatchResponseWriter
{
    public static void AppendResponse(StringBuilder text, string boundary, WebApiResponse response, string? contentId)
    {
        var headers = new List<KeyValuePair<string, string>>(response.Headers);
        if (response.Body is not null)
        {
            headers.Add(new KeyValuePair<string, string>("Content-Type", response.ContentType));
        }

        MultipartWriter.AppendDelimiter(text, boundary);
        var statusLine = "HTTP/1.1 " + response.StatusCode.ToString(CultureInfo.InvariantCulture) + " " + ReasonPhrases.GetReasonPhrase(response.StatusCode);
        MultipartWriter.AppendHttpPart(text, contentId, statusLine, headers, response.Body);
    }

    public static void AppendChangeset(StringBuilder text, string boundary, IReadOnlyList<(WebApiResponse Response, string? ContentId)> responses)
    {
        var changesetBoundary = "changesetresponse_" + Guid.NewGuid().ToString("D");
        MultipartWriter.AppendNestedStart(text, boundary, changesetBoundary);
        foreach (var (response, contentId) in responses)
        {
            AppendResponse(text, changesetBoundary, response, contentId);
        }

        MultipartWriter.AppendClose(text, changesetBoundary);
    }
}
