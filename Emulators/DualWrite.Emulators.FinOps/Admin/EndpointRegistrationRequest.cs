using System.Collections.Generic;

namespace DualWrite.Emulators.FinOps.Admin;

/// <summary>
/// <c>POST /_emulator/events/endpoints</c>: register (or replace by name) an endpoint events are POSTed to,
/// with extra headers and, optionally, a timestamped HMAC-SHA256 signature (see <c>EventEndpoint.SigningKey</c>).
/// </summary>
public sealed record EndpointRegistrationRequest(
    string Name,
    string Url,
    Dictionary<string, string>? Headers = null,
    string? SigningKey = null,
    string? SignatureHeader = null,
    string? TimestampHeader = null);
