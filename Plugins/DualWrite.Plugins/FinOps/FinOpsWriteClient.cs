using System;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using DualWrite.Core.Auth;
using DualWrite.Core.Http;
using DualWrite.Core.OData;
using DualWrite.Plugins.Auth;

namespace DualWrite.Plugins.FinOps;

/// <summary>
/// Sends writes to F&amp;O's OData service: bearer token from the cache (one refresh on 401), the per-call
/// timeout and the overall budget, 429 retried only while Retry-After fits the budget. Every ending is a
/// <see cref="FinOpsCallResult"/>; nothing but bugs throws.
/// </summary>
public sealed class FinOpsWriteClient
{
    /// <summary>Throttled retries per write, whatever the budget: a Retry-After of 0 must not spin.</summary>
    public const int MaxThrottledRetries = 5;

    private static readonly HttpMethod Patch = new("PATCH");
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    private readonly HttpClient _http;
    private readonly Uri _dataRoot;
    private readonly FinOpsTokenProvider _tokens;
    private readonly Action<string> _trace;

    public FinOpsWriteClient(HttpClient http, Uri dataRoot, FinOpsTokenProvider tokens, Action<string> trace)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _dataRoot = dataRoot ?? throw new ArgumentNullException(nameof(dataRoot));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _trace = trace ?? throw new ArgumentNullException(nameof(trace));
    }

    /// <param name="request">The write.</param>
    /// <param name="nowUtc">The operation's time, for token expiry.</param>
    /// <param name="budget">The save's time budget.</param>
    public FinOpsCallResult Send(FinOpsRequest request, DateTime nowUtc, RequestBudget budget)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var refreshedToken = false;
        var throttledRetries = 0;
        while (true)
        {
            var token = _tokens.GetToken(nowUtc, budget, out var tokenFailure);
            if (token is null)
            {
                return tokenFailure!;
            }

            var timeout = budget.NextCallTimeout();
            if (timeout <= TimeSpan.Zero)
            {
                return FinOpsCallResult.TimedOut(budget.Budget, budgetSpent: true);
            }

            var started = Stopwatch.StartNew();
            using var message = BuildMessage(request, token);
            using var cancellation = new CancellationTokenSource(timeout);
            HttpResponseMessage response;
            try
            {
                response = _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellation.Token).ConfigureAwait(false).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                _trace(request + " gave no answer within " + FinOpsCallResult.Seconds(timeout));
                return FinOpsCallResult.TimedOut(timeout, budgetSpent: timeout < budget.CallTimeout);
            }
            catch (HttpRequestException ex)
            {
                _trace(request + " failed: " + ex);
                return FinOpsCallResult.Unreachable(FinOpsCallResult.Innermost(ex));
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                _trace(string.Format(CultureInfo.InvariantCulture, "{0} -> {1} in {2} ms", request, status, started.ElapsedMilliseconds));
                if (response.IsSuccessStatusCode)
                {
                    return FinOpsCallResult.Success(status);
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshedToken)
                {
                    // The token may have been revoked or rotated early: get a new one, once.
                    _tokens.Invalidate(token);
                    refreshedToken = true;
                    continue;
                }

                if (status == 429)
                {
                    var wait = RetryAfterRule.Wait(response.Headers, new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc))) ?? DefaultRetryAfter;
                    if (throttledRetries >= MaxThrottledRetries || !budget.Fits(wait))
                    {
                        return FinOpsCallResult.Throttled(wait, budget.Budget);
                    }

                    throttledRetries++;
                    _trace("F&O is throttling; retrying after " + FinOpsCallResult.Seconds(wait));
                    Thread.Sleep(wait);
                    continue;
                }

                var body = response.Content.ReadAsStringAsync().ConfigureAwait(false).GetAwaiter().GetResult();
                var reason = ODataErrorBody.Reason(body, preferInnerMessage: true, "HTTP " + status.ToString(CultureInfo.InvariantCulture) + " " + response.ReasonPhrase);
                return status >= 400 && status < 500
                    ? FinOpsCallResult.Rejected(status, reason)
                    : FinOpsCallResult.Failed(status, reason);
            }
        }
    }

    private HttpRequestMessage BuildMessage(FinOpsRequest request, AccessToken token)
    {
        var method = request.Method == "PATCH" ? Patch : new HttpMethod(request.Method);
        // Concatenate rather than resolve: the path is escaped already and must reach F&O as it is.
        var message = new HttpRequestMessage(method, new Uri(_dataRoot.AbsoluteUri + request.RelativePath, UriKind.Absolute));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.Add("OData-Version", "4.0");
        message.Headers.Add("OData-MaxVersion", "4.0");
        if (request.JsonBody is not null)
        {
            message.Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json");
        }

        return message;
    }
}
