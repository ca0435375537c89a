using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DualWrite.Listener.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using DualWrite.Listener.Tests.Support;
using Xunit;

namespace DualWrite.Listener.Tests.Admin;

public sealed class AdminAuthenticationTests
{
    private const string Key = "s3cret-admin-key";

    [Fact]
    public async Task With_a_key_a_request_without_it_gets_401_problem_json_naming_both_schemes()
    {
        await using var app = await AdminTestApp.StartAsync(Key, Ping);

        using var response = await app.Client.GetAsync("/api/ping");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var schemes = response.Headers.WwwAuthenticate.Select(h => h.Scheme).ToList();
        Assert.Contains("Basic", schemes);
        Assert.Contains("Bearer", schemes);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("Bearer", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_key_Bearer_and_Basic_admin_pass_and_wrong_ones_do_not()
    {
        await using var app = await AdminTestApp.StartAsync(Key, Ping);

        Assert.Equal(HttpStatusCode.OK, await StatusWith(app, new AuthenticationHeaderValue("Bearer", Key)));
        Assert.Equal(HttpStatusCode.OK, await StatusWith(app, Basic("admin", Key)));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(app, new AuthenticationHeaderValue("Bearer", Key + "x")));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(app, new AuthenticationHeaderValue("Bearer", Key[..^1])));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(app, Basic("root", Key)));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(app, Basic("admin", "nope")));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(app, new AuthenticationHeaderValue("Basic", "not-base64!")));
    }

    [Fact]
    public async Task Routes_outside_the_group_are_not_guarded()
    {
        await using var app = await AdminTestApp.StartAsync(Key, api => api.MapGet("/ping", () => "pong"), configureApp: web => web.MapGet("/open", () => "open"));

        using var response = await app.Client.GetAsync("/open");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_key_a_loopback_caller_is_served_and_a_warning_is_logged_at_start()
    {
        var logs = new CapturedLogs();
        await using var app = await AdminTestApp.StartAsync(null, Ping, logs: logs);

        using var response = await app.Client.GetAsync("/api/ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("DualWrite:Admin:ApiKey", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_key_a_caller_from_another_address_is_refused_with_403()
    {
        // A real remote connection needs a non-loopback address of this machine; the authenticator is checked directly either way.
        var authenticator = new AdminAuthenticator(new StaticOptionsMonitor(new AdminOptions()));
        var remote = new DefaultHttpContext();
        remote.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
        var mapped = new DefaultHttpContext();
        mapped.Connection.RemoteIpAddress = IPAddress.Parse("127.0.0.1").MapToIPv6();
        Assert.Equal(AdminAccess.NotLoopback, authenticator.Check(remote));
        Assert.Equal(AdminAccess.Granted, authenticator.Check(mapped));
        Assert.Equal(AdminAccess.NotLoopback, authenticator.Check(new DefaultHttpContext()));
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://[::]:0")]
    [InlineData("http://*:0")]
    [InlineData("http://127.0.0.1:0;http://+:0")]
    public async Task Without_a_key_the_admin_api_refuses_to_start_on_a_non_loopback_address(string urls)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => AdminTestApp.StartAsync(null, Ping, urls: urls));

        var message = Assert.Single(refused.Failures);
        Assert.Contains("DualWrite:Admin:ApiKey must be set when the listener listens on a non-loopback address", message, StringComparison.Ordinal);
        Assert.Contains(urls.Split(';').Last(), message, StringComparison.Ordinal);
        Assert.Contains("DUALWRITE__ADMIN__APIKEY", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("https://[::1]:5443", true)]
    [InlineData("http://127.9.9.9", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://listener.contoso.com:5080", false)]
    [InlineData("http://10.0.0.5:5080", false)]
    [InlineData("http://localhost.evil.example:5080", false)]
    public void Loopback_urls_are_told_from_reachable_ones(string url, bool loopback)
    {
        Assert.Equal(loopback, ListenAddresses.IsLoopback(url));
    }

    [Fact]
    public async Task With_a_key_a_caller_from_another_address_is_served_when_it_sends_the_key()
    {
        var address = NonLoopbackAddress();
        if (address is null)
        {
            return;
        }

        await using var app = await AdminTestApp.StartAsync(Key, Ping, urls: "http://0.0.0.0:0");
        using var client = new HttpClient { BaseAddress = new Uri("http://" + address + ":" + app.BaseAddress.Port) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        using var response = await client.GetAsync("/api/ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void CarriesKey_parses_both_schemes_case_insensitively()
    {
        Assert.True(AdminAuthenticator.CarriesKey("bearer " + Key, Key));
        Assert.True(AdminAuthenticator.CarriesKey("BASIC " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + Key)), Key));
        Assert.True(AdminAuthenticator.CarriesKey("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:a:b")), "a:b"));
        Assert.False(AdminAuthenticator.CarriesKey(null, Key));
        Assert.False(AdminAuthenticator.CarriesKey("Bearer", Key));
        Assert.False(AdminAuthenticator.CarriesKey("Digest " + Key, Key));
    }

    private static void Ping(Microsoft.AspNetCore.Routing.RouteGroupBuilder api)
    {
        api.MapGet("/ping", () => Results.Ok(new { pong = true }));
    }

    private static async Task<HttpStatusCode> StatusWith(AdminTestApp app, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/ping");
        request.Headers.Authorization = authorization;
        using var response = await app.Client.SendAsync(request);
        return response.StatusCode;
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    private static IPAddress? NonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    private sealed class StaticOptionsMonitor(AdminOptions value) : IOptionsMonitor<AdminOptions>
    {
        public AdminOptions CurrentValue => value;

        public AdminOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AdminOptions, string?> listener) => null;
    }
}
