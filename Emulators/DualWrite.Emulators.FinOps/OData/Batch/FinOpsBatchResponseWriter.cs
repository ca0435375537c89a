using System;
using System.Collections.Generic;
using System.Text;
using DualWrite.Core.Multipart;

namespace DualWrite.Emulators.FinOps.OData.Batch;

/// <summary>Writes the application/http parts of a $batch response through Core's MultipartWriter.</summary>
public static class FinOpsBatchResponseWriter
{
    /// <summary>An application/http response message (its delimiter is the caller's).</summary>
    public static void AppendResponse(StringBuilder output, ODataResponse response, string? contentId)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(response);
        var headers = new List<KeyValuePair<string, string>>();
        if (response.ContentType is not null)
        {
            headers.Add(new KeyValuePair<string, string>("Content-Type", response.ContentType));
        }

        headers.AddRange(response.Headers);
        var statusLine = "HTTP/1.1 " + response.StatusCode + " " + Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(response.StatusCode);
        MultipartWriter.AppendHttpPart(output, contentId, statusLine, headers, Encoding.UTF8.GetString(response.Body));
    }
}
