using System;
using System.Collections.Generic;

namespace DualWrite.Core.Multipart;

/// <summary>
/// One part of a multipart body: its headers (names ignore case) and the text after the blank line, with line ends
/// normalised to LF and the line break before the next delimiter left out (it belongs to the delimiter).
/// </summary>
public sealed class MultipartPart
{
    public MultipartPart(IReadOnlyDictionary<string, string> headers, string content)
    {
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        Content = content ?? throw new ArgumentNullException(nameof(content));
    }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Content { get; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The boundary of a nested multipart body (an OData changeset), or null for an ordinary part.</summary>
    public string? NestedBoundary => MultipartReader.BoundaryOf(Header("Content-Type"));
}
