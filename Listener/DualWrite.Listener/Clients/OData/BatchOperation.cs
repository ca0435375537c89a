using System;
using System.Net.Http;
using System.Text.Json.Nodes;

namespace DualWrite.Listener.Clients.OData;

/// <summary>One request inside a <c>$batch</c>: method, URL relative to the service root, optional JSON body and extra headers.</summary>
public sealed record BatchOperation(HttpMethod Method, string RelativeUrl, JsonObject? Body = null, string? IfMatch = null)
{
    public static BatchOperation Get(string relativeUrl) => new(HttpMethod.Get, relativeUrl);

    public static BatchOperation Patch(string relativeUrl, JsonObject body) => new(HttpMethod.Patch, relativeUrl, body ?? throw new ArgumentNullException(nameof(body)));

    public static BatchOperation Post(string relativeUrl, JsonObject body) => new(HttpMethod.Post, relativeUrl, body ?? throw new ArgumentNullException(nameof(body)));

    public static BatchOperation Delete(string relativeUrl) => new(HttpMethod.Delete, relativeUrl);
}
