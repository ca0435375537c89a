using System;
using System.Collections.Generic;
using System.Text;

namespace DualWrite.Core.Security;

/// <summary>
/// Removes secrets from text that leaves the process (logs, error messages, problem details, admin listings):
/// known secret values, and the parts of a URL that carry credentials (user info, query values such as an
/// Azure Functions <c>code=</c> key). Pure string work, so the plug-in can use it too.
/// </summary>
public static class SecretRedaction
{
    /// <summary>What a removed secret is shown as.</summary>
    public const string Mask = "***";

    /// <summary>Secrets shorter than this are not searched for in free text: masking every "a" would destroy messages, not protect anything.</summary>
    public const int MinimumSearchedLength = 4;

    /// <summary>
    /// <paramref name="url"/> without user info and with every query value masked (names kept, so the shape stays
    /// readable); null stays null. A relative or unparsable URL loses its query entirely.
    /// </summary>
    public static string? RedactUrl(string? url)
    {
        if (url == null || url.Length == 0)
        {
            return url;
        }

        // On Unix "/path?x" parses as an absolute file URI: a leading slash means a relative URL here.
        if (url[0] == '/' || !Uri.TryCreate(url, UriKind.Absolute, out var absolute))
        {
            var query = url.IndexOf('?');
            return query < 0 ? url : url.Substring(0, query + 1) + Mask;
        }

        return RedactUrl(absolute);
    }

    /// <summary>
    /// Only <c>scheme://host[:port]/…</c> of <paramref name="url"/>: for URLs whose path is itself the secret (Slack and
    /// Teams webhooks, signed URLs).
    /// </summary>
    public static string Origin(Uri url)
    {
        if (url == null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        if (!url.IsAbsoluteUri)
        {
            return Mask;
        }

        var origin = url.Scheme + "://" + (url.IsDefaultPort ? url.Host : url.Host + ":" + url.Port);
        return url.PathAndQuery.Length > 1 ? origin + "/" + Mask : origin + "/";
    }

    /// <summary>See <see cref="RedactUrl(string)"/>.</summary>
    public static string RedactUrl(Uri url)
    {
        if (url == null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        if (!url.IsAbsoluteUri)
        {
            return RedactUrl(url.OriginalString) ?? string.Empty;
        }

        var builder = new StringBuilder();
        builder.Append(url.Scheme).Append("://");
        if (url.UserInfo.Length > 0)
        {
            builder.Append(Mask).Append('@');
        }

        builder.Append(url.IsDefaultPort ? url.Host : url.Host + ":" + url.Port);
        builder.Append(url.AbsolutePath);
        var query = url.Query;
        if (query.Length > 1)
        {
            builder.Append('?').Append(RedactQuery(query.Substring(1)));
        }

        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> with every occurrence of each secret (at least <see cref="MinimumSearchedLength"/>
    /// characters; also its URL-encoded form) replaced by <see cref="Mask"/>.
    /// </summary>
    public static string Redact(string text, IEnumerable<string?> secrets)
    {
        if (string.IsNullOrEmpty(text) || secrets == null)
        {
            return text;
        }

        foreach (var secret in secrets)
        {
            if (secret == null || secret.Length < MinimumSearchedLength)
            {
                continue;
            }

            text = ReplaceOrdinal(text, secret);
            var encoded = Uri.EscapeDataString(secret);
            if (!string.Equals(encoded, secret, StringComparison.Ordinal))
            {
                text = ReplaceOrdinal(text, encoded);
            }
        }

        return text;
    }

    private static string RedactQuery(string query)
    {
        var parts = query.Split('&');
        for (var i = 0; i < parts.Length; i++)
        {
            var equals = parts[i].IndexOf('=');
            parts[i] = equals < 0 ? Mask : parts[i].Substring(0, equals + 1) + Mask;
        }

        return string.Join("&", parts);
    }

    private static string ReplaceOrdinal(string text, string secret)
    {
        var at = text.IndexOf(secret, StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var from = 0;
        while (at >= 0)
        {
            builder.Append(text, from, at - from).Append(Mask);
            from = at + secret.Length;
            at = text.IndexOf(secret, from, StringComparison.Ordinal);
        }

        return builder.Append(text, from, text.Length - from).ToString();
    }
}
