using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace DualWrite.Emulators.Common.Auth;

/// <summary>
/// Issues opaque bearer tokens for the client credentials grant and validates them. Tokens live in memory only
/// and expire after <see cref="Lifetime"/> (3599 s, Entra's expires_in) by the injected clock.
/// </summary>
public sealed class TokenService
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3599);

    private readonly Dictionary<string, IClientCredential> _clients;
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <param name="clients">
    /// Accepted applications, looked up case-insensitively (Entra application ids are GUIDs); none configured
    /// accepts any client id with a non-empty secret, so an emulator can run without setup. A client id given again
    /// replaces the earlier entry, so <c>--client</c> can give the default client another secret.
    /// </param>
    /// <param name="time">The clock that expires tokens.</param>
    public TokenService(IEnumerable<IClientCredential> clients, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _clients = new Dictionary<string, IClientCredential>(StringComparer.OrdinalIgnoreCase);
        foreach (var client in clients)
        {
            _clients[client.ClientId] = client;
        }

        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public bool AcceptsAnyClient => _clients.Count == 0;

    public bool IsKnownClient(string? clientId) =>
        !string.IsNullOrEmpty(clientId) && (AcceptsAnyClient || _clients.ContainsKey(clientId));

    /// <summary>A new token, or null when the client is unknown or its secret wrong.</summary>
    public string? Issue(string? clientId, string? clientSecret)
    {
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret))
        {
            return null;
        }

        IClientCredential client;
        if (AcceptsAnyClient)
        {
            client = new UnregisteredClient(clientId, clientSecret);
        }
        else if (!_clients.TryGetValue(clientId, out var registered) || !SecretsMatch(registered.ClientSecret, clientSecret))
        {
            return null;
        }
        else
        {
            client = registered;
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _tokens[token] = new IssuedToken(client, _time.GetUtcNow() + Lifetime);
        return token;
    }

    /// <summary>The client a valid, unexpired token was issued to; null otherwise.</summary>
    public IClientCredential? Validate(string? token)
    {
        if (token is null || !_tokens.TryGetValue(token, out var issued))
        {
            return null;
        }

        if (issued.ExpiresAt <= _time.GetUtcNow())
        {
            _tokens.TryRemove(token, out _);
            return null;
        }

        return issued.Client;
    }

    // Constant time, so the emulator does not teach callers a habit real Entra would punish.
    private static bool SecretsMatch(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));

    private sealed record IssuedToken(IClientCredential Client, DateTimeOffset ExpiresAt);
}
