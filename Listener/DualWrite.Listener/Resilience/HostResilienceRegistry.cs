using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Resilience;

/// <summary>
/// The resilience state of every target host (circuit, concurrency limit). A singleton: HttpClientFactory
/// rebuilds handlers every few minutes, and a circuit or a learned limit must outlive them.
/// </summary>
public sealed partial class HostResilienceRegistry(IOptions<ResilienceOptions> options, TimeProvider timeProvider, ILogger<HostResilienceRegistry> logger)
{
    private readonly ConcurrentDictionary<string, HostResilience> hosts = new(StringComparer.OrdinalIgnoreCase);

    public HostResilience For(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return hosts.GetOrAdd(uri.GetLeftPart(UriPartial.Authority), host => new HostResilience(host, options.Value, timeProvider, LogRetry));
    }

    private void LogRetry(string host, RetryDelayArgs retry) => LogRetrying(host, retry.Retry, retry.Delay, retry.Cause);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Host}: retry {Retry} in {Delay} after {Cause}")]
    private partial void LogRetrying(string host, int retry, TimeSpan delay, string cause);
}
