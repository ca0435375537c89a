using System.Collections.Generic;

namespace DualWrite.Emulators.FinOps.Admin;

/// <summary>
/// <c>POST /_emulator/events/endpoints</c>: register (or replace by name) an endpoint events are POSTed to,
/// with extra headers and, optionally, an HMAC-SHA256 body signature.
/// </summary>
public sealed record EndpointRegistrationRequest(
    string Name, string Url, Dictionary<string, string>? Headers = null, string? SigningKey = null, string? SignatureHeader = null);
