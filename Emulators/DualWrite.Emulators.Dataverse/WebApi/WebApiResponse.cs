using System;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualWrite.Emulators.Dataverse.WebApi.Faults;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.WebApi;

/// <summary>The answer to one <see cref="WebApiRequest"/>: status, headers and body (JSON unless <see cref="ContentType"/> says otherwise).</summary>
public sealed class WebApiResponse
{
    public const string JsonContentType = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";

    public WebApiResponse(int statusCode)
    {
        StatusCode = statusCode;
    }

    public int StatusCode { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Body { get; init; }

    public string ContentType { get; init; } = JsonContentType;

    /// <summary>The record a write created or changed, for $batch Content-ID references.</summary>
    public EntityReference? Record { get; init; }

    /// <summary>Quotes and non-ASCII text as they are (W/"5", not W/\u00225\u0022), as the service writes them.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static WebApiResponse Json(int statusCode, JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new(statusCode) { Body = body.ToJsonString(JsonOptions) };
    }

    public static WebApiResponse Error(WebApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Json(error.StatusCode, error.ToJson());
    }
}
