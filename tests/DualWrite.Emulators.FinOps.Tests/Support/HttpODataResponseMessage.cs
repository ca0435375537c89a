using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using Microsoft.OData;

namespace DualWrite.Emulators.FinOps.Tests.Support;

/// <summary>An HTTP response as ODataLib's reader takes it (headers and body already read).</summary>
internal sealed class HttpODataResponseMessage : IODataResponseMessage
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly byte[] _body;

    public HttpODataResponseMessage(HttpResponseMessage response, byte[] body)
    {
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            _headers[header.Key] = string.Join(",", header.Value);
        }

        StatusCode = (int)response.StatusCode;
        _body = body;
    }

    public IEnumerable<KeyValuePair<string, string>> Headers => _headers;

    public int StatusCode { get; set; }

    public string? GetHeader(string headerName) => _headers.TryGetValue(headerName, out var value) ? value : null;

    public void SetHeader(string headerName, string headerValue) => _headers[headerName] = headerValue;

    public Stream GetStream() => new MemoryStream(_body, writable: false);
}
