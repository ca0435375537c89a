using System;

namespace DualWrite.Plugins.FinOps;

/// <summary>One write to F&amp;O's OData service: POST to an entity set, PATCH or DELETE of an entity by its full key.</summary>
public sealed class FinOpsRequest
{
    public FinOpsRequest(string method, string relativePath, string? jsonBody)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        RelativePath = relativePath ?? throw new ArgumentNullException(nameof(relativePath));
        JsonBody = jsonBody;
    }

    /// <summary>POST, PATCH or DELETE.</summary>
    public string Method { get; }

    /// <summary>The URL-escaped path under the data root: <c>CustomersV3</c> or <c>CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>.</summary>
    public string RelativePath { get; }

    /// <summary>The JSON payload; null for DELETE.</summary>
    public string? JsonBody { get; }

    public override string ToString() => Method + " " + RelativePath;
}
