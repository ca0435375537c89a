using System;
using System.Collections.Generic;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>
/// One OData operation, from the HTTP request itself or from a part of a $batch: the same code
/// serves both, so a write inside a changeset behaves exactly like the single request.
/// </summary>
public sealed class ODataRequest
{
    public ODataRequest(string method, string resourcePath, string rawQuery, IReadOnlyDictionary<string, string> headers, string body, Uri serviceRoot)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        ResourcePath = resourcePath ?? throw new ArgumentNullException(nameof(resourcePath));
        RawQuery = rawQuery ?? throw new ArgumentNullException(nameof(rawQuery));
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        Body = body ?? throw new ArgumentNullException(nameof(body));
        ServiceRoot = serviceRoot ?? throw new ArgumentNullException(nameof(serviceRoot));
    }

    /// <summary>GET, POST, PATCH, PUT, DELETE (upper case).</summary>
    public string Method { get; }

    /// <summary>The path after <c>/data/</c>, still percent-encoded: <c>CustomersV3(dataAreaId='usmf',CustomerAccount='A%2FB')</c>.</summary>
    public string ResourcePath { get; }

    /// <summary>The query string without '?', still percent-encoded.</summary>
    public string RawQuery { get; }

    /// <summary>Header names compare ignoring case.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Body { get; }

    /// <summary><c>http://127.0.0.1:5100/data/</c>: for @odata.context, Location and next links.</summary>
    public Uri ServiceRoot { get; }

    /// <summary>The caller's default company (F&amp;O: the user's or app's company), lower case.</summary>
    public string DefaultCompany { get; init; } = "usmf";

    /// <summary>The caller's Entra object id; business events of its writes carry it as <c>InitiatingUserAADObjectId</c>.</summary>
    public Guid? InitiatingUser { get; init; }

    public bool IsWrite => Method is "POST" or "PATCH" or "PUT" or "DELETE" or "MERGE";

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
