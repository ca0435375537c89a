using DualWrite.Emulators.Common.Auth;

namespace DualWrite.Emulators.Dataverse.Auth;

/// <summary>An application the token endpoint accepts (client credentials flow).</summary>
public sealed record DataverseClientCredential(string ClientId, string ClientSecret) : IClientCredential
{
    /// <summary>The id only: the secret never reaches a log or a message.</summary>
    public override string ToString() => "DataverseClientCredential { ClientId = " + ClientId + " }";
}
