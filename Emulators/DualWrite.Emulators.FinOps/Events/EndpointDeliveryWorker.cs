using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace DualWrite.Emulators.FinOps.Events;

/// <summary>
/// Delivers events to one endpoint, one at a time in queue order: an attempt, then up to
/// <see cref="EventDeliveryOptions.RetryCount"/> retries at <see cref="EventDeliveryOptions.RetryInterval"/>,
/// then the error log. A slow or failing endpoint holds up only its own queue.
/// </summary>
internal sealed partial class EndpointDeliveryWorker : IAsyncDisposable
{
    private readonly Channel<PublishedEvent> _queue = Channel.CreateUnbounded<PublishedEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HttpClient _http;
    private readonly EventDeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly EventErrorLog _errorLog;
    private readonly ILogger _logger;
    private readonly Action _onSettled;
    private readonly EventSigner? _signer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public EndpointDeliveryWorker(
        EventEndpoint endpoint,
        HttpClient http,
        EventDeliveryOptions options,
        TimeProvider time,
        EventErrorLog errorLog,
        ILogger logger,
        Action onSettled)
    {
        Endpoint = endpoint;
        _http = http;
        _options = options;
        _time = time;
        _errorLog = errorLog;
        _logger = logger;
        _onSettled = onSettled;
        _signer = string.IsNullOrEmpty(endpoint.SigningKey) ? null : new EventSigner(endpoint.SigningKey, time);
        _loop = Task.Run(RunAsync);
    }

    public EventEndpoint Endpoint { get; }

    public void Enqueue(PublishedEvent published) => _queue.Writer.TryWrite(published);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: undelivered events are dropped with the process, as the emulator keeps no state outside it.
        }

        // Queued events that will never be attempted no longer count as pending.
        while (_queue.Reader.TryRead(out _))
        {
            _onSettled();
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var published in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            try
            {
                await DeliverAsync(published).ConfigureAwait(false);
            }
            finally
            {
                _onSettled();
            }
        }
    }

    private async Task DeliverAsync(PublishedEvent published)
    {
        var attempts = 0;
        var lastError = string.Empty;
        while (true)
        {
            attempts++;
            lastError = await TryPostAsync(published.Json).ConfigureAwait(false);
            if (lastError.Length == 0)
            {
                LogDelivered(published.Event.EventId, Endpoint.Name, attempts);
                return;
            }

            LogAttemptFailed(published.Event.EventId, Endpoint.Name, attempts, lastError);
            if (attempts > _options.RetryCount)
            {
                break;
            }

            await Task.Delay(_options.RetryInterval, _time, _stopping.Token).ConfigureAwait(false);
        }

        _errorLog.Add(new EventErrorEntry(
            Guid.NewGuid(),
            Endpoint.Name,
            published.Event.EventId,
            published.Event.ControlNumber,
            published.Json,
            attempts,
            lastError,
            _time.GetUtcNow()));
    }

    /// <summary>Empty on success (2xx), else why the attempt failed.</summary>
    private async Task<string> TryPostAsync(string json)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(_options.AttemptTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Url)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in Endpoint.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (_signer is not null)
        {
            var (timestamp, signature) = _signer.Sign(json);
            request.Headers.TryAddWithoutValidation(Endpoint.TimestampHeader, timestamp);
            request.Headers.TryAddWithoutValidation(Endpoint.SignatureHeader, signature);
        }

        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? string.Empty : "HTTP " + (int)response.StatusCode + " " + response.ReasonPhrase;
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            return "No answer within " + _options.AttemptTimeout + ".";
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} delivered to {Endpoint} on attempt {Attempt}")]
    private partial void LogDelivered(string eventId, string endpoint, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} to {Endpoint}: attempt {Attempt} failed: {Error}")]
    private partial void LogAttemptFailed(string eventId, string endpoint, int attempt, string error);
}
