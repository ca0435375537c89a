using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Monitoring;
using DualWrite.Listener.Processing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Receiving;

/// <summary>
/// Takes one posted F&amp;O business event: 413 if too large, 401 unless the sender is authentic, 400 with
/// every reason if it is not a change event (our event class, an entity set a map syncs, that map's key) or its
/// EventTime lies outside the accepted window, 503 if the inbox cannot store it, 409 if its EventId is stored with different content, and 202 only once the event
/// is committed to the inbox (an exact redelivery only counts, still 202).
/// </summary>
public sealed partial class EventReceiver(
    IEventInbox store,
    InboxSignal signal,
    SenderAuthenticator authenticator,
    IOptions<ReceivingOptions> options,
    TimeProvider timeProvider,
    ReceivingMetrics metrics,
    ILogger<EventReceiver> logger,
    SyncMetrics? syncMetrics = null,
    MapCatalog? catalog = null)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<IResult> ReceiveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var maxBytes = options.Value.MaxBodyBytes;
        var cancellationToken = context.RequestAborted;
        if (context.Request.ContentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        // Our limit replaces Kestrel's, so a chunked body is cut off at our size with our answer.
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = null;
        }

        var body = await ReadBodyAsync(context.Request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return TooLarge(maxBytes);
        }

        var verdict = await authenticator.AuthenticateAsync(context.Request.Headers, body, cancellationToken).ConfigureAwait(false);
        if (!verdict.IsAuthentic)
        {
            LogUnauthenticated(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", verdict.Check);
            return Results.Json(verdict.ToRejection(), statusCode: StatusCodes.Status401Unauthorized);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            return Results.Json(new ReceiveRejection("The body is not UTF-8.", [ex.Message]), statusCode: StatusCodes.Status400BadRequest);
        }

        if (!FinOpsChangeEventJson.TryParse(text, out var changeEvent, out var errors))
        {
            return Results.Json(new ReceiveRejection("The body is not an F&O change event.", errors), statusCode: StatusCodes.Status400BadRequest);
        }

        if (MappedEventCheck.Problems(changeEvent!, catalog) is { Count: > 0 } unmapped)
        {
            // An operator fixes this in F&O's business event setup (or the maps): say so once per delivery. It is
            // acknowledged, not refused: F&O delivers one event at a time and retries a refusal, so every refused
            // event would hold up the synced ones behind it (the chaos run saw delivery fall to one event a second).
            LogNotSynced(changeEvent!.EventId, changeEvent.EntitySet, string.Join(" ", unmapped));
            return Results.Json(new ReceiveIgnored(changeEvent.EventId, "Not stored: the event is not for a synced record.", unmapped), statusCode: StatusCodes.Status202Accepted);
        }

        if (OutsideTimeWindow(changeEvent!) is { } timeProblem)
        {
            return Results.Json(new ReceiveRejection("The event's time is not plausible.", [timeProblem]), statusCode: StatusCodes.Status400BadRequest);
        }

        ReceiveResult stored;
        try
        {
            stored = await store.ReceiveAsync(changeEvent!, text, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not stored, so not acknowledged: the sender retries (F&O: 3 times, then its error log with Resend).
            LogStoreFailed(ex, changeEvent!.EventId);
            context.Response.Headers.RetryAfter = "1";
            return Results.Json(
                new ReceiveRejection("The inbox could not store the event; send it again.", [ex.GetType().Name + ": " + ex.Message]),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (stored.StoredWithOtherContent is { } original)
        {
            return ReusedEventId(original, changeEvent!);
        }

        syncMetrics?.Received(changeEvent!.EntitySet, stored.IsDuplicate);
        signal.Notify();
        return Results.Json(
            new ReceiveAcceptance(changeEvent!.EventId, stored.ReceiveCount, stored.IsDuplicate),
            statusCode: StatusCodes.Status202Accepted);
    }

    // Acknowledging would drop this delivery's change unseen; refusing makes the sender's error log show it.
    private IResult ReusedEventId(InboxEvent original, FinOpsChangeEvent received)
    {
        var differences = EventContentDifferences.Between(original, received);
        metrics.ReusedEventId(received.EntitySet);
        LogReusedEventId(received.EventId, original.RecordKey, string.Join("; ", differences));
        var reasons = new List<string>(differences.Count + 1)
        {
            "EventId " + received.EventId + " is stored for " + original.RecordKey + " (" + original.Operation + ", ControlNumber "
                + original.ControlNumber.ToString(CultureInfo.InvariantCulture) + "); this delivery is for " + received.ContextRecordSubject
                + " (" + received.Operation + ", ControlNumber " + received.ControlNumber.ToString(CultureInfo.InvariantCulture) + ").",
        };
        reasons.AddRange(differences);
        return Results.Json(
            new ReceiveRejection("EventId " + received.EventId + " was already received with different content; this delivery was not stored.", reasons),
            statusCode: StatusCodes.Status409Conflict);
    }

    /// <summary>
    /// Why the event's time lies outside [now - MaxEventAge, now + MaxClockSkew]; null when inside. Bounds an
    /// event from year 9999 (or a replay from long ago) before it can sort or expire anything in the inbox.
    /// </summary>
    private string? OutsideTimeWindow(FinOpsChangeEvent changeEvent)
    {
        var settings = options.Value;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var eventTime = changeEvent.EventTimeUtc;
        var shown = "EventTime '" + FinOpsChangeEventJson.FormatDate(eventTime) + "' (" + eventTime.ToString("O", CultureInfo.InvariantCulture) + ")";

        // A DateTime difference always fits a TimeSpan, so huge settings cannot overflow here.
        if (eventTime > now && eventTime - now > settings.MaxClockSkew)
        {
            return shown + " is more than " + settings.MaxClockSkew.ToString("c", CultureInfo.InvariantCulture) + " ahead of the listener's clock ("
                + now.ToString("O", CultureInfo.InvariantCulture) + "; DualWrite:Receiving:MaxClockSkew).";
        }

        if (now > eventTime && now - eventTime > settings.MaxEventAge)
        {
            return shown + " is more than " + settings.MaxEventAge.ToString("c", CultureInfo.InvariantCulture) + " old (now "
                + now.ToString("O", CultureInfo.InvariantCulture) + "; DualWrite:Receiving:MaxEventAge).";
        }

        return null;
    }

    /// <summary>Reads at most <paramref name="maxBytes"/>; null when the body is longer.</summary>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static IResult TooLarge(long maxBytes) =>
        Results.Json(
            new ReceiveRejection("The body is too large.", ["Events are at most " + maxBytes + " bytes."]),
            statusCode: StatusCodes.Status413PayloadTooLarge);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unauthenticated event from {Remote}: {Check}")]
    private partial void LogUnauthenticated(string remote, SenderCheck check);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused event {EventId} of {EntitySet} with 400: {Problems}")]
    private partial void LogNotSynced(string eventId, string entitySet, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused event {EventId} with 409: its EventId is stored for {RecordKey} with different content ({Differences})")]
    private partial void LogReusedEventId(string eventId, string recordKey, string differences);

        [LoggerMessage(Level = LogLevel.Error, Message = "The inbox could not store event {EventId}; answered 503")]
    private partial void LogStoreFailed(Exception exception, string eventId);
}
