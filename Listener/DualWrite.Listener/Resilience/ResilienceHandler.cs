using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace DualWrite.Listener.Resilience;

/// <summary>
/// The one place outgoing requests get retries (jittered exponential backoff, Retry-After honoured on 429
/// and 503), a circuit breaker per host, a timeout per attempt and adaptive concurrency per host (AIMD).
/// Retries resend the same request message, so its content must be replayable (string, bytes, JSON).
/// </summary>
public sealed class ResilienceHandler(HostResilienceRegistry registry) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = registry.For(request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request)));
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(HostResilience.MethodKey, request.Method);
        try
        {
            return await host.Retries.ExecuteAsync(
                static (ctx, state) => state.Handler.SendOnceAsync(state.Request, state.Host, ctx.CancellationToken),
                context,
                (Handler: this, Request: request, Host: host)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // The slot is taken before the attempt's timeout starts: waiting for a slot is not the server being slow.
    private async ValueTask<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, HostResilience host, CancellationToken cancellationToken)
    {
        using var slot = await host.Limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        var response = await host.AttemptTimeout.ExecuteAsync(
            static async (state, token) => await state.Handler.SendInnerAsync(state.Request, token).ConfigureAwait(false),
            (Handler: this, Request: request),
            cancellationToken).ConfigureAwait(false);
        host.Observe(response);
        slot.Outcome = response.StatusCode == HttpStatusCode.TooManyRequests
            ? ConcurrencyOutcome.Throttled
            : (int)response.StatusCode < 500 ? ConcurrencyOutcome.Succeeded : ConcurrencyOutcome.Neutral;
        return response;
    }

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
