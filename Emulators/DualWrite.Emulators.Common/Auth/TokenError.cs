using System.Text.Json.Serialization;

namespace DualWrite.Emulators.Common.Auth;

/// <summary>Entra's error body for the token endpoint.</summary>
public sealed record TokenError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);
