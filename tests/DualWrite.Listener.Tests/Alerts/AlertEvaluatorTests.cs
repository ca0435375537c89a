using System;
using System.Linq;
using System.Threading.Tasks;
using DualWrite.Listener.Alerts;
using DualWrite.Listener.MapStates;
using DualWrite.Listener.Tests.MapStates;
using DualWrite.Listener.Tests.StateStore;
using DualWrite.Listener.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualWrite.Listener.Tests.Alerts;

/// <summary>Alert rules over a real SQLite store, on a FakeTimeProvider.</summary>
public sealed class AlertEvaluatorTests : StateStoreContract
{
    private const string Customers = "Customers V3";

    [Fact]
    public async Task N_errors_in_M_minutes_fires_once_with_a_warning_naming_map_rule_and_figure_and_re_arms_after_it_clears()
    {
        var (rig, evaluator, recent) = Build(new AlertRule { Map = Customers, Kind = AlertKind.Errors, Threshold = 2, WindowMinutes = 5 });
        await FailAsync("A");
        Assert.Empty(await evaluator.EvaluateAsync(None));
        await FailAsync("B");

        var fired = Assert.Single(await evaluator.EvaluateAsync(None));
        Assert.Equal(Customers, fired.Map);
        Assert.Equal(2, fired.Figure);
        Assert.False(fired.PausedMap);
        Assert.Empty(await evaluator.EvaluateAsync(None));
        var warning = Assert.Single(rig.Logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("'Customers V3'", warning.Message);
        Assert.Contains("errors >= 2 in 5 min", warning.Message);
        Assert.Contains("fired with 2", warning.Message);

        // The failures leave the window: the rule clears; two new ones fire it again.
        Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Empty(await evaluator.EvaluateAsync(None));
        await FailAsync("C");
        await FailAsync("D");
        Assert.Single(await evaluator.EvaluateAsync(None));
        Assert.Equal(2, recent.Newest(10).Count);
    }

    [Fact]
    public async Task A_lag_rule_for_every_map_fires_for_the_lagging_one_and_pauses_it_through_map_operations()
    {
        var (rig, evaluator, _) = Build(new AlertRule { Map = "*", Kind = AlertKind.Lag, Threshold = 60, PauseMap = true });
        await ReceiveAsync(TestEvents.Customer("A", 1));
        Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(await evaluator.EvaluateAsync(None));
        Time.Advance(TimeSpan.FromSeconds(45));

        var fired = Assert.Single(await evaluator.EvaluateAsync(None));
        Assert.Equal(Customers, fired.Map);
        Assert.Equal(75, fired.Figure);
        Assert.True(fired.PausedMap);
        var map = await rig.MapAsync(Customers);
        Assert.Equal(MapRunState.Paused, map.State);
        Assert.Contains("lag > 60 s", map.Reason);

        // Paused on purpose: its lag no longer counts, so the rule clears instead of firing again.
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await evaluator.EvaluateAsync(None));
    }

    protected override Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) => Task.FromResult(StateStores.InTemporarySqlite(timeProvider));

    private (MapStatesRig Rig, AlertEvaluator Evaluator, RecentAlerts Recent) Build(params AlertRule[] rules)
    {
        var rig = new MapStatesRig(Database, MapStates, Inbox, Time);
        var options = new AlertOptions();
        options.Rules.AddRange(rules);
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var recent = new RecentAlerts(wrapped);
        var factory = LoggerFactory.Create(builder => builder.AddProvider(rig.Logs));
        var webhook = new AlertWebhookSender(new NoHttpClients(), wrapped, Time, NullLogger<AlertWebhookSender>.Instance);
        return (rig, new AlertEvaluator(rig.Operations, rig.Backlogs, rig.Catalog, recent, webhook, wrapped, Time, factory.CreateLogger<AlertEvaluator>()), recent);
    }

    private async Task FailAsync(string account)
    {
        await ReceiveAsync(TestEvents.Customer(account, 1));
        var head = Assert.Single(await Inbox.ClaimAsync("worker", 10, Lease, None));
        await Inbox.FailAsync(head, "worker", "Dataverse refused: 400", None);
    }

    private sealed class NoHttpClients : System.Net.Http.IHttpClientFactory
    {
        public System.Net.Http.HttpClient CreateClient(string name) => throw new InvalidOperationException("No webhook in this test.");
    }
}
