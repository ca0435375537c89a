using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Applying;
using DualWrite.Listener.MapStates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Alerts;

/// <summary>
/// Evaluates the alert rules against every map: a rule fires once when its condition starts to hold for a map (a
/// Warning log event, the recent list, the webhook queue, and a pause if the rule says so) and re-arms when it clears.
/// Lag rules skip paused and stopped maps: their lag is an operator's choice, not a fault.
/// </summary>
public sealed partial class AlertEvaluator(
    MapOperations operations,
    MapBacklogReader backlogs,
    MapCatalog catalog,
    RecentAlerts recent,
    AlertWebhookSender webhook,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertEvaluator> logger)
{
    // (rule index, map) pairs whose condition held at the last evaluation.
    private readonly HashSet<(int Rule, string Map)> _firing = [];

    /// <summary>One evaluation of every rule; returns the alerts that fired.</summary>
    public async Task<IReadOnlyList<FiredAlert>> EvaluateAsync(CancellationToken cancellationToken)
    {
        var rules = options.Value.Rules;
        if (rules.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var maps = await operations.GetMapsAsync(cancellationToken).ConfigureAwait(false);
        var failures = new Dictionary<double, IReadOnlyDictionary<string, long>>();
        foreach (var window in rules.Where(r => r.Kind == AlertKind.Errors).Select(r => r.WindowMinutes).Distinct())
        {
            failures[window] = await backlogs.CountFailuresSinceAsync(now - TimeSpan.FromMinutes(window), cancellationToken).ConfigureAwait(false);
        }

        var fired = new List<FiredAlert>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            foreach (var map in maps.Where(m => rule.Map == "*" || string.Equals(rule.Map, m.Name, StringComparison.OrdinalIgnoreCase)))
            {
                var figure = rule.Kind == AlertKind.Errors
                    ? failures[rule.WindowMinutes].GetValueOrDefault(EntitySet(map.Name))
                    : map.LagSeconds;
                var holds = rule.Kind == AlertKind.Errors
                    ? figure >= rule.Threshold
                    : figure > rule.Threshold && map.State is not (MapRunState.Paused or MapRunState.NotRunning);
                if (!holds)
                {
                    if (_firing.Remove((i, map.Name)))
                    {
                        LogCleared(map.Name, rule.DisplayName, figure);
                    }

                    continue;
                }

                if (_firing.Add((i, map.Name)))
                {
                    fired.Add(await FireAsync(rule, map, figure, now, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        return fired;
    }

    private async Task<FiredAlert> FireAsync(AlertRule rule, MapStatus map, double figure, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var measured = rule.Kind == AlertKind.Errors
            ? figure.ToString(CultureInfo.InvariantCulture) + " errors in the last " + rule.WindowMinutes.ToString(CultureInfo.InvariantCulture) + " min"
            : "lag " + figure.ToString("0.#", CultureInfo.InvariantCulture) + " s";
        var paused = false;
        if (rule.PauseMap && map.State is not (MapRunState.Paused or MapRunState.NotRunning))
        {
            var result = await operations.PauseAsync(map.Name, "alert '" + rule.DisplayName + "': " + measured, cancellationToken).ConfigureAwait(false);
            paused = result.Succeeded;
        }

        var message = "Map '" + map.Name + "': alert '" + rule.DisplayName + "' fired (" + measured + ")" + (paused ? "; the map is paused." : ".");
        var alert = new FiredAlert(Guid.NewGuid().ToString("N"), now, map.Name, rule.DisplayName, rule.Kind, figure, rule.Threshold, paused, message);
        LogFired(map.Name, rule.DisplayName, figure, rule.Threshold, paused);
        recent.Add(alert);
        webhook.Enqueue(alert);
        return alert;
    }

    private string EntitySet(string mapName) => catalog.Maps.First(m => m.Name == mapName).FinOps.EntitySet;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert on map '{Map}': rule '{Rule}' fired with {Figure} (threshold {Threshold}); paused the map: {Paused}.")]
    private partial void LogFired(string map, string rule, double figure, double threshold, bool paused);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert on map '{Map}': rule '{Rule}' cleared ({Figure}); it fires again the next time it holds.")]
    private partial void LogCleared(string map, string rule, double figure);
}
