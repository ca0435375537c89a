namespace DualWrite.Emulators.Common.Auth;

/// <summary>A caller accepted without registration (no clients configured): it is what its own id and secret say.</summary>
internal sealed record UnregisteredClient(string ClientId, string ClientSecret) : IClientCredential;
