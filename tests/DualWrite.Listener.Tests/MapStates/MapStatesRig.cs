using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.MapStates;
using DualWrite.Listener.StateStore;
using DualWrite.Listener.Syncing;
using DualWrite.Listener.Tests.Support;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DualWrite.Listener.Tests.MapStates;

/// <summary>MapOperations and the monitor over real stores (the standard maps), with an observer that records what it is told.</summary>
public sealed class MapStatesRig
{
    public MapStatesRig(StateDatabase database, IMapStateStore store, IEventInbox inbox, FakeTimeProvider time, long backlogWarningEvents = 100_000)
    {
        Inbox = inbox;
        Time = time;
        Logs = new CapturedLogs();
        var factory = LoggerFactory.Create(builder => builder.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        Catalog = new MapCatalog(MapSource.Load(null));
        Backlogs = new MapBacklogReader(database);
        Notifier = new MapStateNotifier([new RecordingObserver(Told)], factory.CreateLogger<MapStateNotifier>());
        Operations = new MapOperations(store, Catalog, Backlogs, inbox, Notifier, time, factory.CreateLogger<MapOperations>());
        Monitor = new MapStateMonitor(
            Operations,
            Backlogs,
            Notifier,
            Microsoft.Extensions.Options.Options.Create(new MapStateOptions { BacklogWarningEvents = backlogWarningEvents }),
            new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance),
            time,
            factory.CreateLogger<MapStateMonitor>());
    }

    public IEventInbox Inbox { get; }

    public FakeTimeProvider Time { get; }

    public CapturedLogs Logs { get; }

    public MapCatalog Catalog { get; }

    public MapBacklogReader Backlogs { get; }

    public MapStateNotifier Notifier { get; }

    public MapOperations Operations { get; }

    public MapStateMonitor Monitor { get; }

    /// <summary>Every (map, state) the observer was told, in order.</summary>
    public List<(string Map, MapRunState State)> Told { get; } = [];

    public async Task<MapStatus> MapAsync(string name) => (await Operations.GetMapAsync(name, CancellationToken.None))!;

    private sealed class RecordingObserver(List<(string, MapRunState)> told) : IMapStateObserver
    {
        public Task OnMapStateChangedAsync(string mapName, MapRunState state, CancellationToken cancellationToken)
        {
            lock (told)
            {
                told.Add((mapName, state));
            }

            return Task.CompletedTask;
        }
    }
}
