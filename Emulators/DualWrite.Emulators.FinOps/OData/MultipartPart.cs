using System;
using System.Collections.Generic;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>One part of a multipart/mixed body: its headers (names ignore case) and content.</summary>
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
}
