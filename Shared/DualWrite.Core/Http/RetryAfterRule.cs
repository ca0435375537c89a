using System;
using System.Globalization;
using System.Net.Http.Headers;

namespace DualWrite.Core.Http;

/// <summary>
/// The one reading of a response's Retry-After, for the plug-in and the listener alike. Delta-seconds are taken
/// as they are (fractional ones too, which the typed header rejects); an HTTP date is measured against the
/// response's own Date header when it has one (the server's clock, immune to local skew), else against the
/// caller's "now". A wait in the past is zero. Core reads no clock: the caller passes "now".
/// </summary>
public static class RetryAfterRule
{
    private const string HeaderName = "Retry-After";

    /// <summary>How long the response asks to wait, or null when it does not say.</summary>
    public static TimeSpan? Wait(HttpResponseHeaders headers, DateTimeOffset nowUtc)
    {
        if (headers is null)
        {
            throw new ArgumentNullException(nameof(headers));
        }

        var header = headers.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return NotNegative(delta);
        }

        if (header?.Date is DateTimeOffset until)
        {
            return NotNegative(until - (headers.Date ?? nowUtc));
        }

        // The typed header rejects "1.5"; read the raw value before giving up.
        if (headers.TryGetValues(HeaderName, out var values))
        {
            foreach (var value in values)
            {
                var wait = Wait(value, headers.Date, nowUtc);
                if (wait is not null)
                {
                    return wait;
                }
            }
        }

        return null;
    }

    /// <summary>The same rule over a raw header value, for callers without typed headers.</summary>
    public static TimeSpan? Wait(string? value, DateTimeOffset? responseDate, DateTimeOffset nowUtc)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            if (double.IsNaN(seconds))
            {
                return null;
            }

            // A wait beyond what TimeSpan holds is "forever"; the caller's budget decides what to do with it.
            return seconds <= 0 ? TimeSpan.Zero : seconds >= TimeSpan.MaxValue.TotalSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var until))
        {
            return NotNegative(until - (responseDate ?? nowUtc));
        }

        return null;
    }

    private static TimeSpan NotNegative(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
}
