namespace DualWrite.Emulators.Common.Auth;

/// <summary>
/// The application both emulators accept when none is configured (tests, demos, curl), defined once so the
/// emulators, their command lines and the tests cannot drift apart.
/// </summary>
public static class DefaultEmulatorClient
{
    public const string ClientId = "dualwrite-emulator";

    public const string ClientSecret = "emulator-secret";

    /// <summary>The tenant the token endpoint's address names by default.</summary>
    public const string Tenant = "emulator";
}
