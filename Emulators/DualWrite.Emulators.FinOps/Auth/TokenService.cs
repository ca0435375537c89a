using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace DualWrite.Emulators.FinOps.Auth;

/// <summary>
/// Issues opaque bearer tokens for the client credentials grant and checks them on every /data
/// request. Tokens live 3,599 seconds (Entra's expires_in), measured with <see cref="TimeProvider"/>.
/// </summary>
public sealed class TokenService
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3599);

    private readonly Dictionary<string, ClientCredential> _clients;
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public TokenService(IEnumerable<ClientCredential> clients, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _clients = clients.ToDictionary(c => c.ClientId, StringComparer.OrdinalIgnoreCase);
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>A token for a known client with the right secret, else null.</summary>
    public string? Issue(string clientId, string clientSecret)
    {
        if (!_clients.TryGetValue(clientId, out var client)
            || !CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(client.ClientSecret), System.Text.Encoding.UTF8.GetBytes(clientSecret)))
        {
            return null;
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _tokens[token] = new IssuedToken(client, _time.GetUtcNow() + Lifetime);
        return token;
    }

    public bool IsKnownClient(string clientId) => _clients.ContainsKey(clientId);

    /// <summary>The client a valid, unexpired token was issued to, else null.</summary>
    public ClientCredential? Validate(string token)
    {
        if (!_tokens.TryGetValue(token, out var issued))
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

    private sealed record IssuedToken(ClientCredential Client, DateTimeOffset ExpiresAt);
}
