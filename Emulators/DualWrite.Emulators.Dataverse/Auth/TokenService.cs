using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace DualWrite.Emulators.Dataverse.Auth;

/// <summary>
/// Issues opaque bearer tokens for client credentials and validates them. Tokens live in memory only and
/// expire after <see cref="Lifetime"/> (3599 s, what Entra ID answers) by the injected clock.
/// </summary>
public sealed class TokenService
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3599);

    private readonly ConcurrentDictionary<string, (string ClientId, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<ClientCredential> _clients;
    private readonly TimeProvider _time;

    /// <param name="clients">Accepted applications; empty accepts any client id with a non-empty secret.</param>
    public TokenService(IReadOnlyList<ClientCredential> clients, TimeProvider time)
    {
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>A new token, or null when the client is unknown or its secret wrong.</summary>
    public string? Issue(string? clientId, string? clientSecret)
    {
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret))
        {
            return null;
        }

        if (_clients.Count > 0 && !_clients.Any(c => c.ClientId == clientId && c.ClientSecret == clientSecret))
        {
            return null;
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _tokens[token] = (clientId, _time.GetUtcNow() + Lifetime);
        return token;
    }

    /// <summary>The client a valid, unexpired token was issued to; null otherwise.</summary>
    public string? Validate(string? token)
    {
        if (token is null || !_tokens.TryGetValue(token, out var entry))
        {
            return null;
        }

        if (entry.Expires <= _time.GetUtcNow())
        {
            _tokens.TryRemove(token, out _);
            return null;
        }

        return entry.ClientId;
    }
}
