using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Bulk.Reading;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Recovery;

/// <summary>
/// Notices that F&amp;O's events may have been lost and has them caught up, with no operator action:
/// <list type="bullet">
/// <item>at start, a running marker left by an earlier run of this instance (it did not stop cleanly);</item>
/// <item>the marker of another instance whose heartbeat is older than <see cref="RecoveryOptions.StaleAfter"/> (it died;
/// exactly one live instance adopts it);</item>
/// <item>a gap longer than that between this instance's own heartbeats (it was frozen, or the state store refused its
/// writes, and therefore refused F&amp;O's events too).</item>
/// </list>
/// Each names the time from which changes may be missing (the last heartbeat). F&amp;O's ControlNumbers have gaps by
/// design and its failed-delivery list has no API, so neither can tell a lost event; a listener that is alive but
/// unreachable from F&amp;O (a network cut) is not noticed. Catch-ups run one at a time; reasons that arrive meanwhile
/// are served by the next one; a failed one is tried again after <see cref="RecoveryOptions.RetryDelay"/>. A clean stop
/// removes the marker only when nothing is left to catch up.
/// </summary>
public sealed partial class RecoveryService : BackgroundService
{
    private readonly ListenerRunStore _runs;
    private readonly CatchUpRunner _runner;
    private readonly RecoveryOptions _options;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;
    private readonly ILogger<RecoveryService> _logger;
    private readonly object _gate = new();
    private readonly List<CatchUpReason> _pending = new();
    private Task _catchingUp = Task.CompletedTask;
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;
    private bool _registered;
    private bool _storeFailing;
    private int _completed;

    public RecoveryService(
        ListenerRunStore runs, CatchUpRunner runner, IOptions<RecoveryOptions> options, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<RecoveryService> logger, string instance)
    {
        _runs = runs ?? throw new ArgumentNullException(nameof(runs));
        _runner = runner ?? throw new ArgumentNullException(nameof(runner));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Value;
        _lifetime = lifetime ?? throw new ArgumentNullException(nameof(lifetime));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        ArgumentException.ThrowIfNullOrEmpty(instance);
        Instance = instance;
    }

    /// <summary>The name of this instance's running marker.</summary>
    public string Instance { get; }

    /// <summary>How many catch-ups finished in this process.</summary>
    public int CompletedCatchUps => Volatile.Read(ref _completed);

    /// <summary>The last finished catch-up; null before the first.</summary>
    public CatchUpSummary? LastCatchUp { get; private set; }

    /// <summary>True while a catch-up runs or waits to run.</summary>
    public bool CatchUpPending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count > 0 || !_catchingUp.IsCompleted;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Task running;
        lock (_gate)
        {
            running = _catchingUp;
        }

        await running.ConfigureAwait(false);
        if (!_registered)
        {
            return;
        }

        if (CatchUpPending)
        {
            // The marker stays: the next start (or another instance) finds it and catches up.
            LogMarkerKept(Instance);
            return;
        }

        try
        {
            await _runs.StopAsync(Instance, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            LogStoreFailure(ex, "remove the running marker (the next start will take this stop for an unclean one and catch up)");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        // The state tables exist once the host has started (the inbox initializer creates them).
        if (!await WhenStartedAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        var lastBeat = await RegisterAsync(stoppingToken).ConfigureAwait(false);
        if (lastBeat is null)
        {
            return;
        }

        await AdoptStaleAsync(stoppingToken).ConfigureAwait(false);
        StartCatchUpWhenDue(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.HeartbeatInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var now = _time.GetUtcNow();
                if (!await _runs.HeartbeatAsync(Instance, stoppingToken).ConfigureAwait(false))
                {
                    LogMarkerAdopted(Instance);
                }

                var gap = now - lastBeat.Value;
                if (gap > _options.StaleAfter)
                {
                    Add(new CatchUpReason("after " + gap.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s without a heartbeat of this listener (" + Instance + "; frozen, or the state store refused its writes and so F&O's events)", lastBeat.Value));
                }

                lastBeat = now;
                if (_storeFailing)
                {
                    _storeFailing = false;
                    LogStoreBack();
                }

                await AdoptStaleAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (IsStoreFailure(ex))
            {
                if (!_storeFailing)
                {
                    _storeFailing = true;
                    LogStoreFailure(ex, "write the heartbeat (a catch-up follows once it can, if the gap outlasts " + _options.StaleAfter + ")");
                }
            }

            StartCatchUpWhenDue(stoppingToken);
        }
    }

    /// <summary>Sets this instance's marker (trying until the store answers); the time of the first heartbeat, or null when stopping.</summary>
    private async Task<DateTimeOffset?> RegisterAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = _time.GetUtcNow();
                var earlier = await _runs.StartAsync(Instance, stoppingToken).ConfigureAwait(false);
                _registered = true;
                if (earlier is not null)
                {
                    Add(new CatchUpReason("after an unclean stop of this listener (" + Instance + ", started " + Format(earlier.StartedAt) + ")", earlier.HeartbeatAt));
                }

                return now;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ex) when (IsStoreFailure(ex))
            {
                LogStoreFailure(ex, "set the running marker");
                try
                {
                    await Task.Delay(_options.HeartbeatInterval, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }
        }

        return null;
    }

    private async Task AdoptStaleAsync(CancellationToken stoppingToken)
    {
        try
        {
            var adopted = await _runs.AdoptStaleAsync(Instance, _time.GetUtcNow() - _options.StaleAfter, stoppingToken).ConfigureAwait(false);
            foreach (var run in adopted)
            {
                Add(new CatchUpReason("after an unclean stop of listener " + run.Instance + " (started " + Format(run.StartedAt) + ", silent since " + Format(run.HeartbeatAt) + ")", run.HeartbeatAt));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex) when (IsStoreFailure(ex))
        {
            LogStoreFailure(ex, "look for listeners that stopped uncleanly");
        }
    }

    private void Add(CatchUpReason reason)
    {
        LogDetected(reason.Why, Format(reason.Since));
        lock (_gate)
        {
            _pending.Add(reason);
        }
    }

    /// <summary>Starts a catch-up for every reason pending, unless one runs or a failed one waits for its retry time.</summary>
    private void StartCatchUpWhenDue(CancellationToken stoppingToken)
    {
        lock (_gate)
        {
            if (_pending.Count == 0 || !_catchingUp.IsCompleted || _time.GetUtcNow() < _notBefore || stoppingToken.IsCancellationRequested)
            {
                return;
            }

            var reasons = _pending.ToList();
            _pending.Clear();
            _catchingUp = Task.Run(() => CatchUpAsync(reasons, stoppingToken), CancellationToken.None);
        }
    }

    private async Task CatchUpAsync(IReadOnlyList<CatchUpReason> reasons, CancellationToken stoppingToken)
    {
        var reason = reasons.Count == 1
            ? reasons[0]
            : new CatchUpReason(string.Join("; ", reasons.Select(r => r.Why).Distinct(StringComparer.Ordinal)), reasons.Min(r => r.Since));
        try
        {
            LastCatchUp = await _runner.RunAsync(reason, stoppingToken).ConfigureAwait(false);
            Interlocked.Increment(ref _completed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            lock (_gate)
            {
                _pending.InsertRange(0, reasons);
                _notBefore = _time.GetUtcNow() + _options.RetryDelay;
            }

            LogCatchUpFailed(ex, ex is SourceReadException ? ex.Message : ex.GetType().Name + ": " + ex.Message, _options.RetryDelay);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                _pending.InsertRange(0, reasons);
            }
        }
    }

    private async Task<bool> WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = _lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static bool IsStoreFailure(Exception ex) => ex is DbException or TimeoutException or IOException or InvalidOperationException;

    [LoggerMessage(Level = LogLevel.Information, Message = "F&O changes may have been missed {Why}, since {Since}: a catch-up follows")]
    private partial void LogDetected(string why, string since);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catch-up failed ({Reason}); it is tried again in {Delay}")]
    private partial void LogCatchUpFailed(Exception exception, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery: could not {Action}")]
    private partial void LogStoreFailure(Exception exception, string action);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovery: the state store answers again")]
    private partial void LogStoreBack();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The running marker of this listener ({Instance}) had been taken over by another instance, which took it for dead and caught up for it; it is set again")]
    private partial void LogMarkerAdopted(string instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping with a catch-up unfinished: the running marker of {Instance} stays, so the next start catches up")]
    private partial void LogMarkerKept(string instance);
}
