using System;
using System.Collections.Generic;
using System.Text;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>The outcome of one <see cref="ODataRequest"/>: written to HTTP or into a $batch response part.</summary>
public sealed class ODataResponse
{
    public const string JsonContentType = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";

    public ODataResponse(int statusCode, byte[] body, string? contentType)
    {
        StatusCode = statusCode;
        Body = body ?? throw new ArgumentNullException(nameof(body));
        ContentType = contentType;
    }

    public int StatusCode { get; }

    public byte[] Body { get; }

    public string? ContentType { get; }

    /// <summary>Extra headers (Location, OData-EntityId, Preference-Applied...). Names are case-insensitive.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public static ODataResponse Json(int statusCode, byte[] body) => new(statusCode, body, JsonContentType);

    public static ODataResponse NoContent() => new(204, Array.Empty<byte>(), null);

    public static ODataResponse Text(int statusCode, string text, string contentType) => new(statusCode, Encoding.UTF8.GetBytes(text), contentType);

    public ODataResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}
