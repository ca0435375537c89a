using System;
using System.Security.Cryptography;
using System.Text;
using DualWrite.Emulators.Common.Auth;

namespace DualWrite.Emulators.FinOps.Auth;

/// <summary>
/// An application allowed to call the emulator (F&amp;O: an Entra app registered in "Microsoft Entra
/// applications"), with the company its requests default to.
/// </summary>
public sealed record FinOpsClientCredential(string ClientId, string ClientSecret, string DefaultCompany = "usmf") : IClientCredential
{
    /// <summary>The client every emulator accepts unless configured otherwise (tests, demos, curl).</summary>
    public static FinOpsClientCredential Default { get; } = new(DefaultEmulatorClient.ClientId, DefaultEmulatorClient.ClientSecret);

    /// <summary>
    /// The Entra object id business events name as <c>InitiatingUserAADObjectId</c> for this application's writes.
    /// Default: derived from the client id, so the same client always has the same id.
    /// </summary>
    public Guid ObjectId { get; init; } = ObjectIdOf(ClientId);

    /// <summary>The default <see cref="ObjectId"/> of a client id: the first 16 bytes of SHA-256 of its lower-case form.</summary>
    public static Guid ObjectIdOf(string clientId)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("fno-app-user:" + clientId.ToLowerInvariant()));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>The id and company only: the secret never reaches a log or a message.</summary>
    public override string ToString() => "FinOpsClientCredential { ClientId = " + ClientId + ", DefaultCompany = " + DefaultCompany + " }";
}
