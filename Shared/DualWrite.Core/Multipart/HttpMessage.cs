using System.Collections.Generic;

namespace DualWrite.Core.Multipart;

/// <summary>
/// An <c>application/http</c> message inside a batch part: the start line (request line or status line), the
/// headers (names ignore case) and the body (LF line ends, no trailing blank lines; empty when there is none).
/// </summary>
public sealed class HttpMessage
{
    public HttpMessage(string startLine, Dictionary<string, string> headers, string body)
    {
        StartLine = startLine;
        Headers = headers;
        Body = body;
    }

    public string StartLine { get; }

    /// <summary>Mutable so a batch can add its own headers to each inner request.</summary>
    public Dictionary<string, string> Headers { get; }

    public string Body { get; }

    /// <summary>The start line's space-separated words: METHOD URL VERSION, or VERSION STATUS REASON.</summary>
    public string[] StartLineWords => StartLine.Split(new[] { ' ' }, System.StringSplitOptions.RemoveEmptyEntries);
}
