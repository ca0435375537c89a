using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace DualWrite.Listener.Resilience;

/// <summary>
/// What Dataverse says is left of the caller's service-protection window: requests
/// (<c>x-ms-ratelimit-burst-remaining-xrm-requests</c>) and execution time
/// (<c>x-ms-ratelimit-time-remaining-xrm-requests</c>, milliseconds). Either may be absent.
/// </summary>
public sealed record ServiceProtectionBudget(int? RemainingRequests, TimeSpan? RemainingExecutionTime)
{
    public const string RemainingRequestsHeader = "x-ms-ratelimit-burst-remaining-xrm-requests";
    public const string RemainingTimeHeader = "x-ms-ratelimit-time-remaining-xrm-requests";

    /// <summary>The budget a response reports; null when it carries neither header (F&amp;O, or limits not reported).</summary>
    public static ServiceProtectionBudget? Read(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var requests = Header(response, RemainingRequestsHeader) is { } requestText
            && double.TryParse(requestText, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var count)
            ? (int?)Math.Max(0, (int)count)
            : null;
        var time = Header(response, RemainingTimeHeader) is { } timeText
            && double.TryParse(timeText, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var milliseconds)
            ? (TimeSpan?)TimeSpan.FromMilliseconds(Math.Max(0, milliseconds))
            : null;
        return requests is null && time is null ? null : new ServiceProtectionBudget(requests, time);
    }

    /// <summary>
    /// True when what is left would not carry <paramref name="concurrency"/> requests for a few more rounds:
    /// fewer requests than <paramref name="rounds"/> rounds need, or less execution time than
    /// <paramref name="rounds"/> rounds of <paramref name="typicalRequest"/> each.
    /// </summary>
    public bool IsLow(int concurrency, int rounds, TimeSpan typicalRequest)
    {
        var needed = Math.Max(1, concurrency) * Math.Max(1, rounds);
        return (RemainingRequests is int requests && requests < needed)
            || (RemainingExecutionTime is TimeSpan time && time < typicalRequest * needed);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
