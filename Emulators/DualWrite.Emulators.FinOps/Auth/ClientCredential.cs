using DualWrite.Emulators.Common.Auth;

namespace DualWrite.Emulators.FinOps.Auth;

/// <summary>
/// An application allowed to call the emulator (F&amp;O: an Entra app registered in "Microsoft Entra
/// applications"), with the company its requests default to.
/// </summary>
public sealed record ClientCredential(string ClientId, string ClientSecret, string DefaultCompany = "usmf") : IClientCredential
{
    /// <summary>The client every emulator accepts unless configured otherwise (tests, demos, curl).</summary>
    public static ClientCredential Default { get; } = new("dualwrite-emulator", "emulator-secret");
}
