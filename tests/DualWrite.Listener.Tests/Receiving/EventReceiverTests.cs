using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Receiving;
using DualWrite.Listener.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Listener.Tests.Receiving;

public sealed class EventReceiverTests : IAsyncLifetime
{
    private readonly TempDirectory directory = new();
    private ListenerTestHost host = null!;

    public async Task InitializeAsync() => host = await ListenerTestHost.StartAsync(directory.Path, new Dictionary<string, string?>
    {
        ["DualWrite:Receiving:MaxBodyBytes"] = "2048",
    });

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Fact]
    public async Task An_event_with_the_shared_secret_is_answered_202_once_it_is_in_the_inbox()
    {
        var e = TestEvents.Customer("US-001", 7);

        using var response = await host.PostAsync(e);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await host.Store.GetEventAsync(e.EventId, default);
        Assert.NotNull(stored);
        Assert.Equal(TestEvents.Json(e), stored.Body);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(e.EventId, body.RootElement.GetProperty("eventId").GetString());
        Assert.False(body.RootElement.GetProperty("duplicate").GetBoolean());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    [InlineData("TEST-SHARED-SECRET")]
    [InlineData("")]
    public async Task Without_the_right_secret_the_answer_is_401_and_nothing_is_stored(string? secret)
    {
        var e = TestEvents.Customer("US-001", 7);

        using var response = await host.PostAsync(TestEvents.Json(e), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await host.Store.GetEventAsync(e.EventId, default));
    }

    [Fact]
    public async Task An_event_signed_with_the_hmac_key_is_accepted_in_hex_and_base64()
    {
        var first = TestEvents.Json(TestEvents.Customer("US-001", 1));
        var second = TestEvents.Json(TestEvents.Customer("US-001", 2));
        var timestamp = EventSignature.FormatTimestamp(DateTimeOffset.UtcNow);
        var base64 = Convert.ToBase64String(EventSignature.Hash(ListenerTestHost.HmacKey, timestamp, Encoding.UTF8.GetBytes(second)));

        using var hex = await host.PostSignedAsync(first);
        using var b64 = await host.PostAsync(second, secret: null, signature: base64, timestamp: timestamp);

        Assert.Equal(HttpStatusCode.Accepted, hex.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, b64.StatusCode);
    }

    [Fact]
    public async Task A_signature_of_another_body_or_with_another_key_is_401()
    {
        var body = TestEvents.Json(TestEvents.Customer("US-001", 1));
        var other = TestEvents.Json(TestEvents.Customer("US-001", 2));
        var timestamp = EventSignature.FormatTimestamp(DateTimeOffset.UtcNow);

        using var wrongBody = await host.PostAsync(body, secret: null, EventSignature.Compute(ListenerTestHost.HmacKey, timestamp, Encoding.UTF8.GetBytes(other)), timestamp);
        using var wrongKey = await host.PostSignedAsync(body, key: "another-key");
        using var garbage = await host.PostAsync(body, secret: null, signature: "sha256=not-a-signature", timestamp: timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongBody.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_an_event_is_400_with_every_reason()
    {
        using var response = await host.PostAsync("{\"EventId\":\"e1\",\"ControlNumber\":\"abc\",\"Operation\":\"Upsert\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reasons = await ReasonsAsync(response);
        Assert.Contains(reasons, r => r.Contains("BusinessEventId is missing", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("EntitySet is missing", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("ControlNumber must be an integer", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("Operation 'Upsert'", StringComparison.Ordinal));
        Assert.True(reasons.Count >= 6, string.Join(Environment.NewLine, reasons));
        Assert.Null(await host.Store.GetEventAsync("e1", default));
    }

    [Fact]
    public async Task Malformed_json_is_400_with_the_parser_position()
    {
        using var response = await host.PostAsync("{\"EventId\": ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await ReasonsAsync(response));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_whether_its_length_is_announced_or_not()
    {
        var big = "{\"pad\":\"" + new string('x', 4096) + "\"}";

        using var announced = await host.PostAsync(big);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events") { Content = new UnknownLengthContent(Encoding.UTF8.GetBytes(big)) };
        request.Headers.Add("X-DualWrite-Secret", ListenerTestHost.Secret);
        using var chunked = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, announced.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
    }

    [Fact]
    public async Task A_redelivery_is_accepted_stored_once_and_counted()
    {
        var e = TestEvents.Customer("US-001", 7);

        using var first = await host.PostAsync(e);
        using var second = await host.PostAsync(e);

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        using var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("duplicate").GetBoolean());
        Assert.Equal(2, body.RootElement.GetProperty("receiveCount").GetInt32());
        var stored = Assert.Single(await host.Store.GetRecordEventsAsync(e.ContextRecordSubject, default));
        Assert.Equal(2, stored.ReceiveCount);
    }

    [Fact]
    public async Task A_reused_event_id_with_other_content_is_409_naming_the_id_and_what_differs_and_the_stored_event_stays()
    {
        var e = TestEvents.Customer("US-001", 7);
        var reused = new FinOpsChangeEvent(e.EventId, 8, e.EventTimeUtc, e.LegalEntity, e.EntitySet, ChangeOperation.Delete, TestEvents.Customer("US-002", 1).EntityKey);
        using var first = await host.PostAsync(e);

        using var response = await host.PostAsync(reused);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            "EventId " + e.EventId + " was already received with different content; this delivery was not stored.",
            body.RootElement.GetProperty("error").GetString());
        var reasons = await ReasonsAsync(response);
        Assert.Equal(
            [
                "EventId " + e.EventId + " is stored for " + e.ContextRecordSubject + " (Update, ControlNumber 7); this delivery is for "
                    + reused.ContextRecordSubject + " (Delete, ControlNumber 8).",
                "ContextRecordSubject: stored '" + e.ContextRecordSubject + "', received '" + reused.ContextRecordSubject + "'",
                "Operation: stored 'Update', received 'Delete'",
                "ControlNumber: stored '7', received '8'",
            ],
            reasons);
        var stored = Assert.Single(await host.Store.GetRecordEventsAsync(e.ContextRecordSubject, default));
        Assert.Equal(1, stored.ReceiveCount);
        Assert.Equal(TestEvents.Json(e), stored.Body);
        Assert.Empty(await host.Store.GetRecordEventsAsync(reused.ContextRecordSubject, default));
    }

    [Fact]
    public async Task Each_reused_event_id_is_counted_on_the_listener_meter_while_exact_redeliveries_are_not()
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == ReceivingMetrics.MeterName && instrument.Name == ReceivingMetrics.ReusedEventIdsName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();
        var e = TestEvents.Customer("US-001", 7);

        using var first = await host.PostAsync(e);
        using var redelivery = await host.PostAsync(e);
        using var reused = await host.PostAsync(new FinOpsChangeEvent(e.EventId, 8, e.EventTimeUtc, e.LegalEntity, e.EntitySet, e.Operation, e.EntityKey));
        using var reusedAgain = await host.PostAsync(new FinOpsChangeEvent(e.EventId, 9, e.EventTimeUtc, e.LegalEntity, e.EntitySet, e.Operation, e.EntityKey));

        Assert.Equal(HttpStatusCode.Accepted, redelivery.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reusedAgain.StatusCode);
        Assert.Equal(2, Interlocked.Read(ref counted));
    }

    [Fact]
    public async Task When_the_inbox_cannot_store_the_answer_is_503_and_nothing_is_acknowledged()
    {
        using var failing = new TempDirectory();
        using var stores = StateStores.Sqlite(Path.Combine(failing.Path, "inbox.db"), TimeProvider.System);
        var inner = stores.Inbox;
        var (store, control) = FailingReceiveStore.Wrap(inner);
        await using var failingHost = await ListenerTestHost.StartAsync(failing.Path, services: s => s.AddSingleton(store));
        var e = TestEvents.Customer("US-001", 7);

        using var refused = await failingHost.PostAsync(e);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Null(await inner.GetEventAsync(e.EventId, default));

        control.Failing = false;
        using var accepted = await failingHost.PostAsync(e);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.NotNull(await inner.GetEventAsync(e.EventId, default));
    }

    [Fact]
    public async Task The_path_is_configurable()
    {
        using var other = new TempDirectory();
        await using var custom = await ListenerTestHost.StartAsync(other.Path, new Dictionary<string, string?> { ["DualWrite:Receiving:Path"] = "/hooks/fno" });
        var body = TestEvents.Json(TestEvents.Customer("US-001", 1));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/fno") { Content = new StringContent(body) };
        request.Headers.Add("X-DualWrite-Secret", ListenerTestHost.Secret);
        using var atCustom = await custom.Client.SendAsync(request);
        using var atDefault = await custom.PostAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, atCustom.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, atDefault.StatusCode);
    }

    private static async Task<List<string>> ReasonsAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reasons = new List<string>();
        foreach (var reason in body.RootElement.GetProperty("reasons").EnumerateArray())
        {
            reasons.Add(reason.GetString()!);
        }

        return reasons;
    }

    /// <summary>Content sent chunked: no Content-Length for the server to check up front.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
