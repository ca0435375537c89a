using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Emulators.FinOps.Events;
using DualWrite.Emulators.FinOps.Tests.Support;

namespace DualWrite.Emulators.FinOps.Tests.Events;

public sealed class BusinessEventTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;
    private EventReceiver _receiver = null!;

    private HttpClient Http => _harness.Http;

    public async Task InitializeAsync()
    {
        _receiver = await EventReceiver.StartAsync();
        _harness = await EmulatorHarness.StartAsync();
        _harness.Control.Events.Register(new EventEndpoint("listener", _receiver.Url)
        {
            Headers = new Dictionary<string, string> { ["X-DualWrite-Secret"] = "s3cret" },
        });
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_committed_create_is_delivered_as_a_business_event_with_the_configured_header()
    {
        using var created = await CreateGroupAsync("E1");

        var received = Assert.Single(await _receiver.WaitForAsync(1));
        var e = received.Event;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(FinOpsChangeEvent.ChangeEventId, e.BusinessEventId);
        Assert.Equal("usmf", e.LegalEntity);
        Assert.Equal("CustomerGroups", e.EntitySet);
        Assert.Equal(ChangeOperation.Create, e.Operation);
        Assert.Equal("(dataAreaId='usmf',CustomerGroupId='E1')", e.EntityKey.ToString());
        Assert.Equal("CustomerGroups(dataAreaId='usmf',CustomerGroupId='E1')", e.ContextRecordSubject);
        Assert.True(Guid.TryParse(e.EventId, out _));
        Assert.Matches("\"EventTime\":\"/Date\\(\\d+\\)/\"", received.Json);
        Assert.Equal("s3cret", received.Headers["X-DualWrite-Secret"]);
    }

    [Fact]
    public async Task The_record_an_event_points_at_can_be_read_when_the_event_arrives_even_for_a_batch_changeset()
    {
        var reads = new System.Collections.Concurrent.ConcurrentQueue<HttpStatusCode>();
        _receiver.OnEvent = async e =>
        {
            using var read = await Http.GetAsync(e.ContextRecordSubject);
            reads.Enqueue(read.StatusCode);
        };
        const string Batch = "--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n"
            + "--c\r\nContent-Type: application/http\r\nContent-ID: 1\r\n\r\nPOST CustomerGroups HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"CustomerGroupId\":\"B1\"}\r\n"
            + "--c\r\nContent-Type: application/http\r\nContent-ID: 2\r\n\r\nPOST CustomerGroups HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"CustomerGroupId\":\"B2\"}\r\n"
            + "--c--\r\n--b--\r\n";
        using var content = new StringContent(Batch);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/mixed; boundary=b");

        using var single = await CreateGroupAsync("S1");
        using var batch = await Http.PostAsync("$batch", content);

        await _receiver.WaitForAsync(3);
        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK }, reads.ToArray());
    }

    [Fact]
    public async Task Updates_and_deletes_are_delivered_in_order_with_increasing_control_numbers()
    {
        using var create = await CreateGroupAsync("E2");
        using var update = await Http.PatchAsync("CustomerGroups(dataAreaId='usmf',CustomerGroupId='E2')", HttpJson.Body("""{"Description":"changed"}"""));
        using var delete = await Http.DeleteAsync("CustomerGroups(dataAreaId='usmf',CustomerGroupId='E2')");

        var events = (await _receiver.WaitForAsync(3)).Select(r => r.Event).ToList();

        Assert.Equal(new[] { ChangeOperation.Create, ChangeOperation.Update, ChangeOperation.Delete }, events.Select(e => e.Operation));
        Assert.True(events[0].ControlNumber < events[1].ControlNumber && events[1].ControlNumber < events[2].ControlNumber);
    }

    [Fact]
    public async Task A_refused_write_publishes_no_event()
    {
        using var refused = await Http.PostAsync("CustomerGroups", HttpJson.Body("""{"CustomerGroupId":""}"""));
        using var accepted = await CreateGroupAsync("E3");

        var received = Assert.Single(await _receiver.WaitForAsync(1));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("E3", received.Event.ContextRecordSubject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_and_then_delivered()
    {
        _receiver.FailNext(2);

        using var created = await CreateGroupAsync("E4");

        Assert.Single(await _receiver.WaitForAsync(1));
        Assert.Equal(3, _receiver.Attempts);
        Assert.Equal(0, _harness.Control.Events.ErrorLog.Count);
    }

    [Fact]
    public async Task After_three_failed_retries_the_event_is_in_the_error_log_and_a_resend_delivers_it()
    {
        _receiver.FailNext(4);

        using var created = await CreateGroupAsync("E5");
        Assert.True(await _harness.Control.Events.WaitForIdleAsync(TimeSpan.FromSeconds(10)));

        var entry = Assert.Single(_harness.Control.Events.ErrorLog.Entries);
        Assert.Equal(4, _receiver.Attempts);
        Assert.Equal(4, entry.Attempts);
        Assert.Equal("listener", entry.EndpointName);
        Assert.Contains("500", entry.LastError, StringComparison.Ordinal);
        Assert.Empty(_receiver.Received);

        Assert.True(_harness.Control.Events.Resend(entry.Id));
        var delivered = Assert.Single(await _receiver.WaitForAsync(1));
        Assert.Equal(entry.EventId, delivered.Event.EventId);
        Assert.Equal(entry.ControlNumber, delivered.Event.ControlNumber);
        Assert.Equal(0, _harness.Control.Events.ErrorLog.Count);
    }

    [Fact]
    public async Task The_admin_endpoint_lists_the_error_log_and_resends_it()
    {
        _receiver.FailNext(4);
        using var admin = new HttpClient { BaseAddress = _harness.Emulator.BaseAddress };

        using var created = await CreateGroupAsync("E6");
        Assert.True(await _harness.Control.Events.WaitForIdleAsync(TimeSpan.FromSeconds(10)));
        var errors = await HttpJson.GetAsync(admin, "_emulator/events/errors");
        using var resend = await admin.PostAsync("_emulator/events/errors/resend", null);

        Assert.Equal(1, errors.GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        Assert.Single(await _receiver.WaitForAsync(1));
    }

    [Fact]
    public async Task A_duplicate_on_demand_delivers_the_same_event_twice()
    {
        _harness.Control.Events.DuplicateNext();

        using var created = await CreateGroupAsync("E7");

        var received = await _receiver.WaitForAsync(2);
        Assert.Equal(received[0].Event.EventId, received[1].Event.EventId);
        Assert.Equal(received[0].Event.ControlNumber, received[1].Event.ControlNumber);
    }

    [Fact]
    public async Task Out_of_order_on_demand_delivers_the_next_event_after_the_one_that_follows_it()
    {
        _harness.Control.Events.ReorderNext();

        using var first = await CreateGroupAsync("E8");
        using var second = await CreateGroupAsync("E9");

        var received = (await _receiver.WaitForAsync(2)).Select(r => r.Event).ToList();
        Assert.Contains("E9", received[0].ContextRecordSubject, StringComparison.Ordinal);
        Assert.Contains("E8", received[1].ContextRecordSubject, StringComparison.Ordinal);
        Assert.True(received[0].ControlNumber > received[1].ControlNumber);
    }

    [Fact]
    public async Task Endpoints_registered_through_the_admin_endpoint_receive_events()
    {
        await using var other = await EventReceiver.StartAsync();
        using var admin = new HttpClient { BaseAddress = _harness.Emulator.BaseAddress };

        using var registered = await admin.PostAsync(
            "_emulator/events/endpoints", HttpJson.Body("{\"name\":\"second\",\"url\":\"" + other.Url + "\",\"headers\":{\"X-Key\":\"k\"}}"));
        using var created = await CreateGroupAsync("E10");

        Assert.Equal(HttpStatusCode.NoContent, registered.StatusCode);
        Assert.Equal("k", Assert.Single(await other.WaitForAsync(1)).Headers["X-Key"]);
        Assert.Single(await _receiver.WaitForAsync(1));
    }

    [Fact]
    public async Task An_endpoint_with_a_signing_key_gets_a_timestamp_and_an_hmac_sha256_signature_of_timestamp_and_body()
    {
        await using var signed = await EventReceiver.StartAsync();
        _harness.Control.Events.Register(new EventEndpoint("signed", signed.Url) { SigningKey = "k3y" });
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        using var created = await CreateGroupAsync("E11");

        var received = Assert.Single(await signed.WaitForAsync(1));
        var timestamp = received.Headers[EventEndpoint.DefaultTimestampHeader];
        var milliseconds = long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(milliseconds, before - 1000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1000);
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes("k3y"), System.Text.Encoding.UTF8.GetBytes(timestamp + "." + received.Json)));
        Assert.Equal(expected, received.Headers[EventEndpoint.DefaultSignatureHeader]);
    }

    [Fact]
    public async Task Duplicated_deliveries_are_signed_with_distinct_timestamps()
    {
        await using var signed = await EventReceiver.StartAsync();
        _harness.Control.Events.Register(new EventEndpoint("signed", signed.Url) { SigningKey = "k3y" });
        _harness.Control.Events.DuplicateNext(1);

        using var created = await CreateGroupAsync("E12");

        var received = await signed.WaitForAsync(2);
        Assert.Equal(received[0].Json, received[1].Json);
        Assert.NotEqual(received[0].Headers[EventEndpoint.DefaultTimestampHeader], received[1].Headers[EventEndpoint.DefaultTimestampHeader]);
        Assert.NotEqual(received[0].Headers[EventEndpoint.DefaultSignatureHeader], received[1].Headers[EventEndpoint.DefaultSignatureHeader]);
    }

    [Fact]
    public async Task The_endpoint_listing_shows_no_secret()
    {
        _harness.Control.Events.Register(new EventEndpoint("secretive", new Uri("https://user:pa55word@listener.example/events?code=FUNCTION-KEY-123"))
        {
            Headers = new Dictionary<string, string> { ["X-DualWrite-Secret"] = "SHARED-SECRET-456" },
            SigningKey = "SIGNING-KEY-789",
        });
        using var admin = new HttpClient { BaseAddress = _harness.Emulator.BaseAddress };

        var listing = await admin.GetStringAsync("_emulator/events/endpoints");

        foreach (var secret in new[] { "pa55word", "FUNCTION-KEY-123", "SHARED-SECRET-456", "SIGNING-KEY-789", "s3cret" })
        {
            Assert.DoesNotContain(secret, listing, StringComparison.Ordinal);
        }

        Assert.Contains("X-DualWrite-Secret", listing, StringComparison.Ordinal);
        Assert.Contains("\"signed\":true", listing.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("pa55word", _harness.Control.Events.Endpoints.Single(e => e.Name == "secretive").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SIGNING-KEY-789", _harness.Control.Events.Endpoints.Single(e => e.Name == "secretive").ToString(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> CreateGroupAsync(string id) =>
        Http.PostAsync("CustomerGroups", HttpJson.Body("{\"CustomerGroupId\":\"" + id + "\",\"Description\":\"Event test\"}"));
}
