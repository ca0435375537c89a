using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using DualWrite.Core.Auth;
using DualWrite.Core.OData;
using DualWrite.Plugins.Configuration;
using DualWrite.Plugins.FinOps;

namespace DualWrite.Plugins.Auth;

/// <summary>
/// F&amp;O access tokens for the plug-in: Core's <see cref="ClientCredentialsTokenClient"/> over the one cache every
/// plug-in instance in the sandbox worker shares (many saves cost one token request), within the save's budget.
/// Every failure is a <see cref="FinOpsCallResult"/> with the token service's reason.
/// </summary>
public sealed class FinOpsTokenProvider
{
    /// <summary>The one static of the plug-in: tokens per (authority, tenant, client, scope).</summary>
    private static readonly TokenCache SharedCache = new();

    private readonly ClientCredentials _credentials;
    private readonly ClientCredentialsTokenClient _client;

    public FinOpsTokenProvider(HttpClient http, ClientCredentials credentials)
    {
        if (http is null)
        {
            throw new ArgumentNullException(nameof(http));
        }

        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        var grant = new ClientCredentialsGrant(credentials.TokenEndpoint, credentials.ClientId, credentials.ClientSecret, credentials.Scope);
        _client = new ClientCredentialsTokenClient(http, grant, SharedCache);
    }

    /// <summary>A cached or new token; a failure to get one is a value (<see cref="FinOpsCallResult"/>), with the token service's reason.</summary>
    public AccessToken? GetToken(DateTime nowUtc, RequestBudget budget, out FinOpsCallResult? failure)
    {
        if (budget is null)
        {
            throw new ArgumentNullException(nameof(budget));
        }

        var timeout = budget.NextCallTimeout();
        if (timeout <= TimeSpan.Zero)
        {
            failure = FinOpsCallResult.TimedOut(budget.Budget, budgetSpent: true);
            return null;
        }

        using var cancellation = new CancellationTokenSource(timeout);
        TokenResult answer;
        try
        {
            answer = _client.GetToken(nowUtc, cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            failure = FinOpsCallResult.TokenFailed("the token service at " + _credentials.Authority + " did not answer within " + FinOpsCallResult.Seconds(timeout));
            return null;
        }
        catch (HttpRequestException ex)
        {
            failure = FinOpsCallResult.TokenFailed("the token service at " + _credentials.Authority + " could not be reached (" + FinOpsCallResult.Innermost(ex) + ")");
            return null;
        }

        if (answer.Token is null)
        {
            failure = FinOpsCallResult.TokenFailed(string.Format(
                CultureInfo.InvariantCulture,
                "the token service refused {0} (HTTP {1}): {2}",
                _credentials,
                answer.StatusCode,
                ODataErrorBody.FirstLine(answer.Reason)));
            return null;
        }

        failure = null;
        return answer.Token;
    }

    public void Invalidate(AccessToken rejected) => _client.Invalidate(rejected);
}
