namespace DualWrite.Emulators.Common.Auth;

/// <summary>
/// An application the token endpoint accepts. Each emulator keeps its own credential record (F&amp;O adds the
/// default company), so the shared token service only needs the id and the secret.
/// </summary>
public interface IClientCredential
{
    string ClientId { get; }

    string ClientSecret { get; }
}
