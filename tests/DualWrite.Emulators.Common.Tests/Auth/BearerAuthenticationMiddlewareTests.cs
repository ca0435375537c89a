using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Auth;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Emulators.Common.Tests.Auth;

public sealed class BearerAuthenticationMiddlewareTests
{
    private static readonly TestClient App = new("app", "secret");

    [Fact]
    public async Task Paths_outside_the_protected_one_pass_without_a_token()
    {
        var (middleware, rejections, reached) = Create(new TokenService([App], TimeProvider.System), requireToken: true);

        await middleware.InvokeAsync(Request("/common/oauth2/v2.0/token", authorization: null));
        await middleware.InvokeAsync(Request("/api/data/v9.2/accounts", authorization: null));

        Assert.Equal(1, reached.Count);
        Assert.Equal([null], rejections);
    }

    [Fact]
    public async Task The_refusal_is_told_the_token_that_was_presented()
    {
        var (middleware, rejections, _) = Create(new TokenService([App], TimeProvider.System), requireToken: true);

        await middleware.InvokeAsync(Request("/api/data/v9.2/accounts", authorization: "Bearer  forged "));
        await middleware.InvokeAsync(Request("/api/data/v9.2/accounts", authorization: "Basic YXBwOnNlY3JldA=="));

        Assert.Equal(["forged", null], rejections);
    }

    [Fact]
    public async Task Without_RequireToken_anonymous_requests_pass_and_valid_tokens_still_name_their_client()
    {
        var tokens = new TokenService([App], TimeProvider.System);
        var (middleware, rejections, reached) = Create(tokens, requireToken: false);
        var anonymous = Request("/api/data/v9.2/accounts", authorization: null);
        var authenticated = Request("/api/data/v9.2/accounts", authorization: "Bearer " + tokens.Issue("app", "secret"));

        await middleware.InvokeAsync(anonymous);
        await middleware.InvokeAsync(authenticated);

        Assert.Empty(rejections);
        Assert.Equal(2, reached.Count);
        Assert.Null(BearerAuthenticationMiddleware.ClientOf(anonymous));
        Assert.Same(App, BearerAuthenticationMiddleware.ClientOf(authenticated));
    }

    private static (BearerAuthenticationMiddleware Middleware, List<string?> Rejections, Counter Reached) Create(TokenService tokens, bool requireToken)
    {
        var rejections = new List<string?>();
        var reached = new Counter();
        var options = new BearerAuthenticationOptions
        {
            ProtectedPath = "/api/data",
            RequireToken = requireToken,
            RejectAsync = (_, token) =>
            {
                rejections.Add(token);
                return Task.CompletedTask;
            },
        };
        return (new BearerAuthenticationMiddleware(_ => reached.Increment(), tokens, options), rejections, reached);
    }

    private static DefaultHttpContext Request(string path, string? authorization)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return context;
    }
}
