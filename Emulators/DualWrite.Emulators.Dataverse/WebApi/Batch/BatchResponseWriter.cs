using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;

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
        text.Append("HTTP/1.1 ").Append(response.StatusCode.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(ReasonPhrase(response.StatusCode)).Append("\r\n");
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

    private static string ReasonPhrase(int status) => status switch
    {
        204 => "No Content",
        412 => "Precondition Failed",
        429 => "Too Many Requests",
        _ => ((HttpStatusCode)status).ToString() switch
        {
            var name when name.Length > 0 && !char.IsDigit(name[0]) => SplitWords(name),
            _ => "Status",
        },
    };

    private static string SplitWords(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(c);
        }

        return text.ToString();
    }
}
