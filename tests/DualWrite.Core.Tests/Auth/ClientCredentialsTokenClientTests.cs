using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Auth;

namespace DualWrite.Core.Tests.Auth;

public class ClientCredentialsTokenClientTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);
    private static readonly ClientCredentialsGrant Grant = new(new Uri("http://127.0.0.1:1/tenant/oauth2/v2.0/token"), "app", "s3cret", "api://x/.default");

    [Fact]
    public void A_token_lives_for_expires_in_whether_number_or_string()
    {
        Assert.Equal(Now.AddSeconds(600), ClientCredentialsTokenClient.Read(200, true, """{"access_token":"a","expires_in":600}""", Now).Token!.ExpiresOnUtc);
        Assert.Equal(Now.AddSeconds(900), ClientCredentialsTokenClient.Read(200, true, """{"access_token":"a","expires_in":"900"}""", Now).Token!.ExpiresOnUtc);
    }

    [Fact]
    public void Without_expires_in_the_one_default_lifetime_applies()
    {
        Assert.Equal(Now + ClientCredentialsTokenClient.DefaultLifetime, ClientCredentialsTokenClient.Read(200, true, """{"access_token":"a"}""", Now).Token!.ExpiresOnUtc);
    }

    [Theory]
    [InlineData("""{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret."}""", "AADSTS7000215: Invalid client secret.")]
    [InlineData("""{"error":"invalid_client"}""", "invalid_client")]
    [InlineData("<html/>", "the answer is not JSON")]
    [InlineData("""{"token_type":"Bearer"}""", "no access_token in the answer")]
    public void A_refusal_carries_the_services_reason(string body, string reason)
    {
        var result = ClientCredentialsTokenClient.Read(401, false, body, Now);

        Assert.False(result.Succeeded);
        Assert.Equal(401, result.StatusCode);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public async Task The_form_is_posted_and_the_token_cached_until_five_minutes_before_expiry()
    {
        var handler = new TokenHandler();
        var client = new ClientCredentialsTokenClient(new HttpClient(handler), Grant, new TokenCache());

        var first = await client.GetTokenAsync(Now, CancellationToken.None);
        var cached = await client.GetTokenAsync(Now.AddMinutes(54), CancellationToken.None);
        var renewed = await client.GetTokenAsync(Now.AddMinutes(56), CancellationToken.None);

        Assert.Same(first.Token, cached.Token);
        Assert.NotSame(first.Token, renewed.Token);
        Assert.Equal(2, client.TokensRequested);
        Assert.Equal("grant_type=client_credentials&client_id=app&client_secret=s3cret&scope=api%3A%2F%2Fx%2F.default", handler.LastForm);
    }

    [Fact]
    public async Task A_refused_token_is_not_cached_and_an_invalidated_one_is_fetched_again()
    {
        var handler = new TokenHandler { Refuse = true };
        var client = new ClientCredentialsTokenClient(new HttpClient(handler), Grant, new TokenCache());

        Assert.False((await client.GetTokenAsync(Now, CancellationToken.None)).Succeeded);
        handler.Refuse = false;
        var token = (await client.GetTokenAsync(Now, CancellationToken.None)).Token!;
        client.Invalidate(token);
        Assert.NotSame(token, (await client.GetTokenAsync(Now, CancellationToken.None)).Token);
        Assert.Equal(3, client.TokensRequested);
    }

    [Fact]
    public async Task Synchronous_callers_at_once_share_one_fetch_and_a_refusal_is_not_cached()
    {
        var handler = new TokenHandler();
        var client = new ClientCredentialsTokenClient(new HttpClient(handler), Grant, new TokenCache());

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => client.GetToken(Now, CancellationToken.None))));

        Assert.All(results, r => Assert.Same(results[0].Token, r.Token));
        Assert.Equal(1, client.TokensRequested);
        client.Invalidate(results[0].Token!);
        handler.Refuse = true;
        Assert.False(client.GetToken(Now, CancellationToken.None).Succeeded);
        handler.Refuse = false;
        Assert.True(client.GetToken(Now, CancellationToken.None).Succeeded);
        Assert.Equal(3, client.TokensRequested);
    }

    [Fact]
    public void A_lifetime_shorter_than_the_margin_is_used_for_half_its_life()
    {
        var token = new AccessToken("a", Now.AddMinutes(4), Now);

        Assert.True(token.IsFresh(Now.AddMinutes(1), TokenCache.DefaultRenewalMargin));
        Assert.False(token.IsFresh(Now.AddMinutes(2), TokenCache.DefaultRenewalMargin));
    }

    private sealed class TokenHandler : HttpMessageHandler
    {
        private int _issued;

        public bool Refuse { get; set; }

        public string? LastForm { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            LastForm = await request.Content!.ReadAsStringAsync(cancellationToken);
            return Refuse
                ? new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("""{"error":"invalid_client"}""") }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"access_token\":\"t" + ++_issued + "\",\"expires_in\":3600}") };
        }
    }
}
