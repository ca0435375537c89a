using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Alerts;

/// <summary>The last fired alerts, newest first, in memory (bounded by <see cref="AlertOptions.RecentAlertsKept"/>).</summary>
public sealed class RecentAlerts(IOptions<AlertOptions> options)
{
    private readonly LinkedList<FiredAlert> _alerts = new();
    private readonly object _lock = new();

    public void Add(FiredAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        lock (_lock)
        {
            _alerts.AddFirst(alert);
            while (_alerts.Count > options.Value.RecentAlertsKept)
            {
                _alerts.RemoveLast();
            }
        }
    }

    public IReadOnlyList<FiredAlert> Newest(int limit)
    {
        lock (_lock)
        {
            return _alerts.Take(Math.Max(0, limit)).ToList();
        }
    }
}
