using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Security;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DualWrite.Listener.Secrets;

/// <summary>
/// The secret values this process was configured with (every key <see cref="SecretSettingNames"/> calls secret,
/// and the password inside a connection string), so text leaving the process can be cleaned of them: problem
/// details, stored error reasons, alert bodies. The last line of defence; each message is written not to carry
/// secrets in the first place.
/// </summary>
public sealed class ConfiguredSecrets
{
    private readonly string[] _values;

    public ConfiguredSecrets(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _values = Collect(configuration).Distinct(StringComparer.Ordinal).OrderByDescending(value => value.Length).ToArray();
    }

    public IReadOnlyList<string> Values => _values;

    /// <summary><paramref name="text"/> with every configured secret masked.</summary>
    public string Redact(string text) => SecretRedaction.Redact(text, _values);

    private static IEnumerable<string> Collect(IConfiguration configuration)
    {
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (string.IsNullOrEmpty(value) || !SecretSettingNames.IsSecret(key))
            {
                continue;
            }

            yield return value;
            if (key.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase) && PasswordOf(value) is { Length: > 0 } password)
            {
                yield return password;
            }

            if (key.EndsWith("WebhookUrl", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(value, UriKind.Absolute, out var url))
            {
                // The path and the query are the token; the host alone is not a secret.
                if (url.PathAndQuery.Length > 1)
                {
                    yield return url.PathAndQuery;
                }
            }
        }
    }

    private static string? PasswordOf(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Password;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
