using System.Collections.Generic;
using System.Text;

namespace DualWrite.Core.Multipart;

/// <summary>
/// Writes multipart/mixed bodies (OData $batch requests and answers) with CRLF line ends; the caller gives the
/// boundaries so the output stays deterministic and sandbox safe.
/// </summary>
public static class MultipartWriter
{
    private const string Crlf = "\r\n";

    /// <summary>The delimiter line that opens a part: <c>--boundary</c>.</summary>
    public static void AppendDelimiter(StringBuilder text, string boundary)
    {
        text.Append("--").Append(boundary).Append(Crlf);
    }

    /// <summary>The closing delimiter line: <c>--boundary--</c>.</summary>
    public static void AppendClose(StringBuilder text, string boundary)
    {
        text.Append("--").Append(boundary).Append("--").Append(Crlf);
    }

    /// <summary>Opens a nested multipart (a changeset) as a part of <paramref name="boundary"/>; close it with <see cref="AppendClose"/>.</summary>
    public static void AppendNestedStart(StringBuilder text, string boundary, string nestedBoundary)
    {
        AppendDelimiter(text, boundary);
        text.Append("Content-Type: multipart/mixed; boundary=").Append(nestedBoundary).Append(Crlf).Append(Crlf);
    }

    /// <summary>
    /// An application/http part without its delimiter: part headers (Content-ID when given), then the message:
    /// start line (request or status line), headers, and the body after a blank line when there is one.
    /// </summary>
    public static void AppendHttpPart(StringBuilder text, string? contentId, string startLine, IEnumerable<KeyValuePair<string, string>> headers, string? body)
    {
        text.Append("Content-Type: application/http").Append(Crlf)
            .Append("Content-Transfer-Encoding: binary").Append(Crlf);
        if (contentId != null)
        {
            text.Append("Content-ID: ").Append(contentId).Append(Crlf);
        }

        text.Append(Crlf).Append(startLine).Append(Crlf);
        foreach (var header in headers)
        {
            text.Append(header.Key).Append(": ").Append(header.Value).Append(Crlf);
        }

        // No body: the message ends at its blank line; a body (even empty) is followed by a CRLF.
        text.Append(Crlf);
        if (body != null)
        {
            text.Append(body).Append(Crlf);
        }
    }
}
