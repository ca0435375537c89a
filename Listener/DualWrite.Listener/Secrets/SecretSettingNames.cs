using System;

namespace DualWrite.Listener.Secrets;

/// <summary>
/// Which configuration keys hold secrets, by their last segment: client secrets, shared secrets, HMAC and API
/// keys, passwords, tokens, connection strings (they carry passwords) and webhook URLs (Slack and Teams put their
/// token in the path).
/// </summary>
public static class SecretSettingNames
{
    private static readonly string[] Suffixes = ["Secret", "HmacKey", "ApiKey", "SigningKey", "Password", "Token", "ConnectionString", "WebhookUrl"];

    public static bool IsSecret(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.LastIndexOf(':');
        var last = colon < 0 ? key : key[(colon + 1)..];
        foreach (var suffix in Suffixes)
        {
            if (last.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
