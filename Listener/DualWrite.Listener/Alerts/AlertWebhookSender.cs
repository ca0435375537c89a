using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using DualWrite.Core.Security;
using DualWrite.Listener.Admin;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Alerts;

/// <summary>
/// Posts fired alerts to <see cref="AlertOptions.WebhookUrl"/> as JSON, one at a time from its own bounded queue, so a
/// slow or dead webhook never holds up the sync. A failure (an exception or a non-2xx answer) is retried with a doubling
/// delay up to <see cref="AlertOptions.WebhookAttempts"/> tries, then given up with a warning.
/// </summary>
public sealed partial class AlertWebhookSender(IHttpClientFactory clients, IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertWebhookSender> logger) : BackgroundService
{
    public const string HttpClientName = "DualWrite.Alerts";

    private readonly Channel<FiredAlert> _queue = Channel.CreateBounded<FiredAlert>(new BoundedChannelOptions(options.Value.WebhookQueueCapacity)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    /// <summary>Queues an alert for the webhook (never waits); without a webhook URL, does nothing.</summary>
    public void Enqueue(FiredAlert alert)
    {
        if (options.Value.WebhookUrl is not null)
        {
            _queue.Writer.TryWrite(alert);
        }
    }

    /// <summary>Posts one alert with its retries; true when the webhook took it.</summary>
    public async Task<bool> SendAsync(FiredAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var url = options.Value.WebhookUrl!;
        var delay = options.Value.WebhookFirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            string problem;
            try
            {
                using var http = clients.CreateClient(HttpClientName);
                using var response = await http.PostAsJsonAsync(url, alert, AdminJson.Options, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                problem = (int)response.StatusCode + " " + response.ReasonPhrase;
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                problem = ex.Message;
            }

            if (attempt >= options.Value.WebhookAttempts)
            {
                LogGaveUp(alert.Map, alert.Rule, SecretRedaction.Origin(url), attempt, problem);
                return false;
            }

            LogRetrying(alert.Map, alert.Rule, SecretRedaction.Origin(url), attempt, problem, delay);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay += delay;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var alert in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await SendAsync(alert, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert webhook {Url} refused map '{Map}' rule '{Rule}' on try {Attempt} ({Problem}); trying again in {Delay}.")]
    private partial void LogRetrying(string map, string rule, string url, int attempt, string problem, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert webhook {Url} did not take map '{Map}' rule '{Rule}' after {Attempts} tries ({Problem}); the alert stays in the log and at /api/alerts.")]
    private partial void LogGaveUp(string map, string rule, string url, int attempts, string problem);
}
