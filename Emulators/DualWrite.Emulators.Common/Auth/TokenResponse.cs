using System.Text.Json.Serialization;

namespace DualWrite.Emulators.Common.Auth;

/// <summary>Entra's token response for the client credentials grant.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("ext_expires_in")] int ExtExpiresIn,
    [property: JsonPropertyName("access_token")] string AccessToken);
