using System;
using System.Collections.Generic;

namespace DualWrite.Plugins.TestSupport;

/// <summary>A scripted answer of the fake F&amp;O.</summary>
public sealed record FakeResponse(int Status, string? Body = null, TimeSpan? Delay = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeResponse Created => new(201, "{}");

    public static FakeResponse NoContent => new(204);

    /// <summary>F&amp;O's documented error body, with the reason in innererror.message.</summary>
    public static FakeResponse Error(int status, string innerMessage) => new(
        status,
        "{\"error\":{\"code\":\"\",\"message\":\"An error has occurred.\",\"innererror\":{\"message\":"
            + DualWrite.Core.Json.JsonWriter.QuoteString(innerMessage) + ",\"type\":\"Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException\",\"stacktrace\":\"\"}}}");

    public static FakeResponse TooManyRequests(int retryAfterSeconds) =>
        new(429, null, null, new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
