using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DualWrite.Emulators.Common.Tests.Auth;

public sealed class TokenEndpointTests
{
    private static readonly TestClient App = new("app", "secret");

    [Fact]
    public async Task Where_scope_is_required_a_request_without_it_is_400_AADSTS90014()
    {
        var strict = new TokenEndpoint(new TokenService([App], TimeProvider.System), requireScope: true);
        var lenient = new TokenEndpoint(new TokenService([App], TimeProvider.System), requireScope: false);

        var refused = await strict.HandleAsync(FormPost("grant_type=client_credentials&client_id=app&client_secret=secret"));
        var issued = await lenient.HandleAsync(FormPost("grant_type=client_credentials&client_id=app&client_secret=secret"));

        var error = Assert.IsType<JsonHttpResult<TokenError>>(refused);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("invalid_request", error.Value!.Error);
        Assert.StartsWith("AADSTS90014", error.Value.ErrorDescription, StringComparison.Ordinal);
        Assert.Equal("Bearer", Assert.IsType<JsonHttpResult<TokenResponse>>(issued).Value!.TokenType);
    }

    [Fact]
    public async Task An_unregistered_client_is_400_unauthorized_client_not_a_wrong_secret()
    {
        var endpoint = new TokenEndpoint(new TokenService([App], TimeProvider.System), requireScope: true);

        var result = await endpoint.HandleAsync(FormPost("grant_type=client_credentials&client_id=stranger&client_secret=secret&scope=x%2F.default"));

        var error = Assert.IsType<JsonHttpResult<TokenError>>(result);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("unauthorized_client", error.Value!.Error);
        Assert.StartsWith("AADSTS700016", error.Value.ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_a_grant_type_is_400_invalid_request()
    {
        var endpoint = new TokenEndpoint(new TokenService([App], TimeProvider.System), requireScope: false);

        var result = await endpoint.HandleAsync(FormPost("client_id=app&client_secret=secret"));

        var error = Assert.IsType<JsonHttpResult<TokenError>>(result);
        Assert.Equal(400, error.StatusCode);
        Assert.StartsWith("AADSTS900144", error.Value!.ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void The_address_is_the_escaped_tenant_under_the_base()
    {
        Assert.Equal(
            new Uri("http://127.0.0.1:5100/my%20tenant/oauth2/v2.0/token"),
            TokenEndpoint.AddressFor(new Uri("http://127.0.0.1:5100/"), "my tenant"));
    }

    private static DefaultHttpContext FormPost(string form)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethod.Post.Method;
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(form));
        return context;
    }
}
