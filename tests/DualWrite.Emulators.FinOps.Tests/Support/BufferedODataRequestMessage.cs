using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.OData;

namespace DualWrite.Emulators.FinOps.Tests.Support;

/// <summary>A request ODataLib's writer fills in memory (headers and body), to be sent with HttpClient.</summary>
internal sealed class BufferedODataRequestMessage : IODataRequestMessage
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public BufferedODataRequestMessage(Uri url, string method)
    {
        Url = url;
        Method = method;
    }

    public MemoryStream Body { get; } = new();

    public IEnumerable<KeyValuePair<string, string>> Headers => _headers;

    public Uri Url { get; set; }

    public string Method { get; set; }

    public string? GetHeader(string headerName) => _headers.TryGetValue(headerName, out var value) ? value : null;

    public void SetHeader(string headerName, string headerValue) => _headers[headerName] = headerValue;

    public Stream GetStream() => Body;
}
