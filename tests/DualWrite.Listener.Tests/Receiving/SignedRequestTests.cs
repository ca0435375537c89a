using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DualWrite.Listener.Receiving;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.Receiving;

/// <summary>Signed deliveries: the timestamp window, replays (also across a restart), and 401s that name why and leak nothing.</summary>
public sealed class SignedRequestTests : IAsyncLifetime
{
    private readonly TempDirectory directory = new();
    private ListenerTestHost host = null!;

    public async Task InitializeAsync() => host = await StartAsync();

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Theory]
    [InlineData(-240)]
    [InlineData(0)]
    [InlineData(240)]
    public async Task A_signature_within_five_minutes_either_way_is_accepted(int secondsFromNow)
    {
        var body = TestEvents.Json(TestEvents.Customer("US-001", 1));

        using var response = await host.PostSignedAsync(body, signedAt: DateTimeOffset.UtcNow.AddSeconds(secondsFromNow));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_signature_older_than_the_window_is_refused_as_stale_and_nothing_is_stored()
    {
        var e = TestEvents.Customer("US-001", 1);

        using var response = await host.PostSignedAsync(TestEvents.Json(e), signedAt: DateTimeOffset.UtcNow.AddMinutes(-6));

        await AssertRefusedAsync(response, "stale timestamp", "SignatureTolerance");
        Assert.Null(await host.Store.GetEventAsync(e.EventId, default));
    }

    [Fact]
    public async Task A_signature_further_ahead_than_the_window_is_refused()
    {
        using var response = await host.PostSignedAsync(TestEvents.Json(TestEvents.Customer("US-001", 1)), signedAt: DateTimeOffset.UtcNow.AddMinutes(6));

        await AssertRefusedAsync(response, "timestamp in the future", "ahead of the listener's clock");
    }

    [Fact]
    public async Task The_window_is_configurable()
    {
        await using var strict = await StartAsync(new() { ["DualWrite:Receiving:SignatureTolerance"] = "00:00:30" });
        var body = TestEvents.Json(TestEvents.Customer("US-001", 1));

        using var stale = await strict.PostSignedAsync(body, signedAt: DateTimeOffset.UtcNow.AddSeconds(-60));
        using var fresh = await strict.PostSignedAsync(body, signedAt: DateTimeOffset.UtcNow.AddSeconds(-20));

        await AssertRefusedAsync(stale, "stale timestamp", "00:00:30");
        Assert.Equal(HttpStatusCode.Accepted, fresh.StatusCode);
    }

    [Fact]
    public async Task The_same_signed_request_sent_again_is_refused_as_replayed()
    {
        var body = TestEvents.Json(TestEvents.Customer("US-001", 1));
        var timestamp = EventSignature.FormatTimestamp(DateTimeOffset.UtcNow);
        var signature = EventSignature.Compute(ListenerTestHost.HmacKey, timestamp, Encoding.UTF8.GetBytes(body));

        using var first = await host.PostAsync(body, secret: null, signature, timestamp);
        using var replay = await host.PostAsync(body, secret: null, signature, timestamp);
        using var resigned = await host.PostSignedAsync(body, signedAt: DateTimeOffset.UtcNow.AddMilliseconds(1));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await AssertRefusedAsync(replay, "replayed request", "already accepted");

        // A fresh signature of the same event is a redelivery, which the inbox counts once.
        Assert.Equal(HttpStatusCode.Accepted, resigned.StatusCode);
    }

    [Fact]
    public async Task A_replay_after_a_restart_within_the_window_is_still_refused()
    {
        var body = TestEvents.Json(TestEvents.Customer("US-001", 1));
        var timestamp = EventSignature.FormatTimestamp(DateTimeOffset.UtcNow);
        var signature = EventSignature.Compute(ListenerTestHost.HmacKey, timestamp, Encoding.UTF8.GetBytes(body));
        using (var first = await host.PostAsync(body, secret: null, signature, timestamp))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        await host.DisposeAsync();
        host = await StartAsync();
        using var replay = await host.PostAsync(body, secret: null, signature, timestamp);

        await AssertRefusedAsync(replay, "replayed request", "already accepted");
    }

    [Fact]
    public async Task A_signature_without_its_timestamp_or_with_a_malformed_one_is_refused_by_name()
    {
        var body = TestEvents.Json(TestEvents.Customer("US-001", 1));
        var timestamp = EventSignature.FormatTimestamp(DateTimeOffset.UtcNow);
        var signature = EventSignature.Compute(ListenerTestHost.HmacKey, timestamp, Encoding.UTF8.GetBytes(body));

        using var missing = await host.PostAsync(body, secret: null, signature);
        using var malformed = await host.PostAsync(body, secret: null, signature, "-" + timestamp);
        using var seconds = await host.PostAsync(body, secret: null, signature, timestamp + ".5");

        await AssertRefusedAsync(missing, "missing timestamp", "X-DualWrite-Timestamp");
        await AssertRefusedAsync(malformed, "malformed timestamp", "Unix time in milliseconds");
        await AssertRefusedAsync(seconds, "malformed timestamp", "Unix time in milliseconds");
    }

    [Fact]
    public async Task A_body_signed_without_the_timestamp_is_a_bad_signature()
    {
        var body = TestEvents.Json(TestEvents.Customer("US-001", 1));
        var bodyOnly = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(ListenerTestHost.HmacKey), Encoding.UTF8.GetBytes(body)));

        using var response = await host.PostAsync(body, secret: null, bodyOnly, EventSignature.FormatTimestamp(DateTimeOffset.UtcNow));

        await AssertRefusedAsync(response, "bad signature", "'<X-DualWrite-Timestamp>.<body>'");
    }

    [Fact]
    public async Task A_changed_timestamp_breaks_the_signature()
    {
        var body = TestEvents.Json(TestEvents.Customer("US-001", 1));
        var old = EventSignature.FormatTimestamp(DateTimeOffset.UtcNow.AddMinutes(-10));
        var signature = EventSignature.Compute(ListenerTestHost.HmacKey, old, Encoding.UTF8.GetBytes(body));

        using var response = await host.PostAsync(body, secret: null, signature, EventSignature.FormatTimestamp(DateTimeOffset.UtcNow));

        await AssertRefusedAsync(response, "bad signature", "HMAC-SHA256");
    }

    [Fact]
    public async Task A_wrong_shared_secret_and_no_credentials_are_told_apart()
    {
        var body = TestEvents.Json(TestEvents.Customer("US-001", 1));

        using var wrong = await host.PostAsync(body, secret: "not-the-secret");
        using var none = await host.PostAsync(body, secret: null);

        await AssertRefusedAsync(wrong, "wrong shared secret", "X-DualWrite-Secret");
        await AssertRefusedAsync(none, "no credentials", "X-DualWrite-Signature");
    }

    private Task<ListenerTestHost> StartAsync(Dictionary<string, string?>? settings = null) => ListenerTestHost.StartAsync(directory.Path, settings);

    /// <summary>401, the title names the check, a reason says more, and neither the key, the secret nor any signature the listener computed shows.</summary>
    private static async Task AssertRefusedAsync(HttpResponseMessage response, string check, string reasonPart)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        Assert.Contains(check, json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains(reasonPart, json.RootElement.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ListenerTestHost.HmacKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ListenerTestHost.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("sha256=", text, StringComparison.Ordinal);
    }
}
