using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using DualWrite.Corpus.Tests.Support;
using DualWrite.Core.Events;
using DualWrite.Listener.Receiving;

namespace DualWrite.Corpus.Tests.Events;

/// <summary>
/// Turns an event case's input into the request(s) it describes: a raw body, or a valid change event for the good
/// customer with properties set or removed; the authentication a sender would (or would not) add.
/// </summary>
public sealed class EventRequestBuilder(CorpusSystem system)
{
    private const string SignatureHeader = "X-DualWrite-Signature";
    private const string TimestampHeader = "X-DualWrite-Timestamp";

    // One timestamp per case: a case that sends twice with "hmac" replays the very same signed request.
    private readonly string timestamp = EventSignature.FormatTimestamp(DateTimeOffset.UtcNow);

    /// <summary>The body the case sends (built once, so a second send repeats it byte for byte).</summary>
    public string Body(JsonObject input, out string? eventId)
    {
        eventId = null;
        if (input["body"] is JsonValue raw)
        {
            return raw.GetValue<string>();
        }

        if (input["bodyRepeat"] is JsonObject repeat)
        {
            var count = repeat["count"]!.GetValue<int>();
            return (repeat["prefix"]?.GetValue<string>() ?? string.Empty) + string.Concat(Enumerable.Repeat(repeat["text"]!.GetValue<string>(), count));
        }

        var shape = input["event"] as JsonObject ?? [];
        var account = shape["account"]?.GetValue<string>() ?? system.GoodAccount;
        var minutes = shape["eventTimeOffsetMinutes"]?.GetValue<double>() ?? -1;
        var changeEvent = new FinOpsChangeEvent(
            Guid.NewGuid().ToString(),
            DateTime.UtcNow.Ticks,
            DateTime.UtcNow.AddMinutes(minutes),
            "usmf",
            "CustomersV3",
            ChangeOperation.Update,
            DualWrite.Core.Keys.ODataKey.Named([new("dataAreaId", "usmf"), new("CustomerAccount", account)]));
        var json = JsonNode.Parse(FinOpsChangeEventJson.Write(changeEvent))!.AsObject();
        foreach (var (name, value) in shape["set"] as JsonObject ?? [])
        {
            json[name] = value?.DeepClone();
        }

        foreach (var name in (shape["remove"] as JsonArray ?? []).Select(n => n!.GetValue<string>()))
        {
            json.Remove(name);
        }

        eventId = json["EventId"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        return json.ToJsonString();
    }

    public HttpRequestMessage Request(JsonObject input, string body)
    {
        var method = new HttpMethod(input["method"]?.GetValue<string>() ?? "POST");
        var request = new HttpRequestMessage(method, input["path"]?.GetValue<string>() ?? system.Listener.EventsUrl.AbsolutePath);
        if (method != HttpMethod.Get)
        {
            var content = new ByteArrayContent(input["bodyBase64"] is JsonValue b64 ? Convert.FromBase64String(b64.GetValue<string>()) : Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", input["contentType"]?.GetValue<string>() ?? "application/json");
            request.Content = content;
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        switch (input["auth"]?.GetValue<string>() ?? "secret")
        {
            case "secret":
                request.Headers.Add(DualWrite.Embedded.EmbeddedEmulators.SecretHeader, system.Emulators.EventSecret);
                break;
            case "none":
                break;
            case "wrong-secret":
                request.Headers.Add(DualWrite.Embedded.EmbeddedEmulators.SecretHeader, "not-the-secret");
                break;
            case "secret-other-case":
                request.Headers.Add(DualWrite.Embedded.EmbeddedEmulators.SecretHeader, system.Emulators.EventSecret.ToLowerInvariant());
                break;
            case "secret-twice":
                request.Headers.Add(DualWrite.Embedded.EmbeddedEmulators.SecretHeader, [system.Emulators.EventSecret, system.Emulators.EventSecret]);
                break;
            case "secret-empty":
                request.Headers.TryAddWithoutValidation(DualWrite.Embedded.EmbeddedEmulators.SecretHeader, string.Empty);
                break;
            case "secret-in-query":
                request.RequestUri = new Uri(request.RequestUri!.OriginalString + "?secret=" + system.Emulators.EventSecret, UriKind.Relative);
                break;
            case "secret-as-bearer":
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + system.Emulators.EventSecret);
                break;
            case "hmac":
                Sign(request, timestamp, bytes);
                break;
            case "hmac-fresh-each-send":
                Sign(request, EventSignature.FormatTimestamp(DateTimeOffset.UtcNow.AddMilliseconds(Random.Shared.Next(1, 1000))), bytes);
                break;
            case "hmac-without-timestamp":
                request.Headers.Add(SignatureHeader, EventSignature.Compute(CorpusSystem.HmacKey, timestamp, bytes));
                break;
            case "hmac-body-only":
                // The pre-timestamp scheme: HMAC of the body alone.
                request.Headers.Add(TimestampHeader, timestamp);
                request.Headers.Add(SignatureHeader, "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(CorpusSystem.HmacKey), bytes)));
                break;
            case "hmac-stale-timestamp":
                Sign(request, EventSignature.FormatTimestamp(DateTimeOffset.UtcNow.AddMinutes(-10)), bytes);
                break;
            case "hmac-future-timestamp":
                Sign(request, EventSignature.FormatTimestamp(DateTimeOffset.UtcNow.AddMinutes(10)), bytes);
                break;
            case "hmac-malformed-timestamp":
                request.Headers.Add(TimestampHeader, "2026-12-06T02:00:00Z");
                request.Headers.Add(SignatureHeader, EventSignature.Compute(CorpusSystem.HmacKey, "2026-12-06T02:00:00Z", bytes));
                break;
            case "hmac-timestamp-not-signed":
                // Signed at one time, sent with another: the signature covers the timestamp.
                request.Headers.Add(TimestampHeader, EventSignature.FormatTimestamp(DateTimeOffset.UtcNow.AddSeconds(1)));
                request.Headers.Add(SignatureHeader, EventSignature.Compute(CorpusSystem.HmacKey, timestamp, bytes));
                break;
            case "hmac-wrong-key":
                request.Headers.Add(TimestampHeader, timestamp);
                request.Headers.Add(SignatureHeader, EventSignature.Compute("another-key", timestamp, bytes));
                break;
            case "hmac-other-body":
                Sign(request, timestamp, Encoding.UTF8.GetBytes(body + " "));
                break;
            case "hmac-garbage":
                request.Headers.Add(TimestampHeader, timestamp);
                request.Headers.Add(SignatureHeader, "sha256=zz" + new string('0', 62));
                break;
            case "hmac-truncated":
                request.Headers.Add(TimestampHeader, timestamp);
                request.Headers.Add(SignatureHeader, EventSignature.Compute(CorpusSystem.HmacKey, timestamp, bytes)[..40]);
                break;
            case "admin-key":
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + CorpusSystem.AdminKey);
                break;
            case var other:
                throw new ArgumentException("unknown auth '" + other + "'");
        }

        return request;
    }

    private static void Sign(HttpRequestMessage request, string timestamp, byte[] body)
    {
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, EventSignature.Compute(CorpusSystem.HmacKey, timestamp, body));
    }
}
