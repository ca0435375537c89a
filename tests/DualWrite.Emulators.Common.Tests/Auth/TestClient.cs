using DualWrite.Emulators.Common.Auth;

namespace DualWrite.Emulators.Common.Tests.Auth;

/// <summary>A registered application, as an emulator's own credential record would be.</summary>
internal sealed record TestClient(string ClientId, string ClientSecret) : IClientCredential;
