using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace DualWrite.Emulators.Dataverse.WebApi.Batch;

/// <summary>Writes $batch answers: each response as an application/http part; a changeset's inside its own multipart.</summary>
internal static class BatchResponseWriter
{
    public static void AppendResponse(StringBuilder text, string boundary, WebApiResponse response, string? contentId)
    {
        text.Append("--").Append(boundary).Append("\r\n");
        text.Append("Content-Type: application/http\r\n");
        text.Append("Content-Transfer-Encoding: binary\r\n");
        if (contentId is not null)
        {
            text.Append("Content-ID: ").Append(contentId).Append("\r\n");
        }

        text.Append("\r\n");
        text.Append("HTTP/1.1 ").Append(response.StatusCode.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(ReasonPhrases.GetReasonPhrase(response.StatusCode)).Append("\r\n");
        foreach (var (name, value) in response.Headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (response.Body is not null)
        {
            text.Append("Content-Type: ").Append(response.ContentType).Append("\r\n\r\n").Append(response.Body).Append("\r\n");
        }
        else
        {
            text.Append("\r\n");
        }
    }

    public static void AppendChangeset(StringBuilder text, string boundary, IReadOnlyList<(WebApiResponse Response, string? ContentId)> responses)
    {
        var changesetBoundary = "changesetresponse_" + Guid.NewGuid().ToString("D");
        text.Append("--").Append(boundary).Append("\r\n");
        text.Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        foreach (var (response, contentId) in responses)
        {
            AppendResponse(text, changesetBoundary, response, contentId);
        }

        text.Append("--").Append(changesetBoundary).Append("--\r\n");
    }
}
