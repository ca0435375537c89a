using System;
using System.Text;

namespace DualWrite.Emulators.FinOps.OData.Batch;

/// <summary>Writes the application/http parts of a $batch response (reading is Core's MultipartReader).</summary>
public static class FinOpsBatchResponseWriter
{
    /// <summary>An application/http response message.</summary>
    public static void AppendResponse(StringBuilder output, ODataResponse response, string? contentId)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(response);
        output.Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
        if (contentId is not null)
        {
            output.Append("Content-ID: ").Append(contentId).Append("\r\n");
        }

        output.Append("\r\nHTTP/1.1 ").Append(response.StatusCode).Append(' ')
            .Append(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(response.StatusCode)).Append("\r\n");
        if (response.ContentType is not null)
        {
            output.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
        }

        foreach (var (name, value) in response.Headers)
        {
            output.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        output.Append("\r\n").Append(Encoding.UTF8.GetString(response.Body)).Append("\r\n");
    }
}
