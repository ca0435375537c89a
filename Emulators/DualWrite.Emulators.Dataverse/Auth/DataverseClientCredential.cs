using DualWrite.Emulators.Common.Auth;

namespace DualWrite.Emulators.Dataverse.Auth;

/// <summary>An application the token endpoint accepts (client credentials flow).</summary>
public sealed record DataverseClientCredential(string ClientId, string ClientSecret) : IClientCredential;
