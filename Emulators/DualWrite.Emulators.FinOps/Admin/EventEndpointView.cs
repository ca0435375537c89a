using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Security;
using DualWrite.Emulators.FinOps.Events;

namespace DualWrite.Emulators.FinOps.Admin;

/// <summary>
/// How <c>GET /_emulator/events/endpoints</c> shows an endpoint: header names with masked values, whether it signs
/// (never the key), and the URL without credentials. Anyone on the machine can call the admin endpoints, so
/// they show nothing that would let a caller pose as F&amp;O to the listener.
/// </summary>
public sealed record EventEndpointView(
    string Name,
    string Url,
    IReadOnlyDictionary<string, string> Headers,
    bool Signed,
    string SignatureHeader,
    string TimestampHeader)
{
    public static EventEndpointView Of(EventEndpoint endpoint)
    {
        System.ArgumentNullException.ThrowIfNull(endpoint);
        return new EventEndpointView(
            endpoint.Name,
            SecretRedaction.RedactUrl(endpoint.Url),
            endpoint.Headers.ToDictionary(header => header.Key, _ => SecretRedaction.Mask),
            !string.IsNullOrEmpty(endpoint.SigningKey),
            endpoint.SignatureHeader,
            endpoint.TimestampHeader);
    }
}
