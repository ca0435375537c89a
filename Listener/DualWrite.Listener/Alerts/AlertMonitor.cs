using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Alerts;

/// <summary>Runs the <see cref="AlertEvaluator"/> every <see cref="AlertOptions.EvaluationInterval"/> once the listener has started.</summary>
public sealed partial class AlertMonitor(AlertEvaluator evaluator, IOptions<AlertOptions> options, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<AlertMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Rules.Count == 0)
        {
            return;
        }

        // The state tables exist once the host has started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await evaluator.EvaluateAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(options.Value.EvaluationInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(ex);
                await Task.Delay(options.Value.EvaluationInterval, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluating the alert rules failed; trying again at the next interval.")]
    private partial void LogFailed(Exception exception);
}
