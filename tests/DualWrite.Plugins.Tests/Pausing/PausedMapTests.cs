using System;
using System.Linq;
using System.Threading.Tasks;
using DualWrite.Core.Json;
using DualWrite.Core.Pausing;
using DualWrite.Plugins.TestSupport;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Plugins.Tests.Pausing;

/// <summary>The plug-in reads its map's state row (mirrored by the listener) on each save and honours it.</summary>
public sealed class PausedMapTests
{
    private const string MapName = "Customers V3";

    [Fact]
    public async Task A_running_map_writes_the_save_through()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        MirrorState(scenario, MapStateNames.Running);

        scenario.Service.Create(CustomersScenario.NewAccount());

        Assert.Equal("POST", Assert.Single(scenario.FinOps.Requests).Method);
        Assert.Empty(QueuedRows(scenario));
    }

    [Fact]
    public async Task A_map_the_listener_never_mirrored_writes_the_save_through()
    {
        await using var scenario = await CustomersScenario.StartAsync();

        scenario.Service.Create(CustomersScenario.NewAccount());

        Assert.Single(scenario.FinOps.Requests);
    }

    [Fact]
    public async Task A_paused_map_refuses_the_save_naming_the_map_and_the_reason_and_nothing_is_saved()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        MirrorState(scenario, MapStateNames.Paused, "F&O maintenance until 18:00");

        var error = Assert.Throws<InvalidPluginExecutionException>(() => scenario.Service.Create(CustomersScenario.NewAccount()));

        Assert.Equal(
            "Map 'Customers V3' is paused (F&O maintenance until 18:00), so account US-001 (usmf) cannot be saved now: DualWrite sends no changes to F&O's CustomersV3 until the map is resumed. Nothing was saved; try again once the map runs.",
            error.Message);
        Assert.Equal(PluginHttpStatusCode.ServiceUnavailable, error.HttpStatus);
        Assert.Empty(scenario.FinOps.Requests);
        Assert.Empty(scenario.Service.RetrieveMultiple(new QueryExpression("account")).Entities);
    }

    [Fact]
    public async Task A_paused_map_without_a_reason_says_it_is_paused()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var id = scenario.Service.Create(CustomersScenario.NewAccount());
        MirrorState(scenario, MapStateNames.Paused);

        var error = Assert.Throws<InvalidPluginExecutionException>(() => scenario.Service.Update(new Entity("account", id) { ["name"] = "Contoso Ltd" }));

        Assert.StartsWith("Map 'Customers V3' is paused, so account US-001 (usmf) cannot be saved now", error.Message, StringComparison.Ordinal);
        Assert.Single(scenario.FinOps.Requests);
    }

    [Fact]
    public async Task A_paused_map_still_lets_saves_through_that_have_nothing_for_FinOps()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var id = scenario.Service.Create(CustomersScenario.NewAccount());
        MirrorState(scenario, MapStateNames.Paused);

        scenario.Service.Update(new Entity("account", id) { [CustomersScenario.UnmappedColumn] = "internal" });

        Assert.Single(scenario.FinOps.Requests);
    }

    [Fact]
    public async Task A_stopped_map_lets_the_save_through_and_sends_nothing()
    {
        await using var scenario = await CustomersScenario.StartAsync(onPaused: PausedSaveBehavior.Queue);
        MirrorState(scenario, MapStateNames.NotRunning);

        var id = scenario.Service.Create(CustomersScenario.NewAccount());

        Assert.NotEqual(Guid.Empty, id);
        Assert.Empty(scenario.FinOps.Requests);
        Assert.Empty(QueuedRows(scenario));
        Assert.Contains(scenario.TracesContaining("is stopped"), line => line.Contains(MapName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_paused_map_that_queues_saves_the_record_and_queues_its_FinOps_requests_in_order()
    {
        await using var scenario = await CustomersScenario.StartAsync(onPaused: PausedSaveBehavior.Queue);
        var stateRow = MirrorState(scenario, MapStateNames.Paused, "month-end close");

        var id = scenario.Service.Create(CustomersScenario.NewAccount());
        scenario.Service.Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });
        scenario.Service.Delete("account", id);

        Assert.Empty(scenario.FinOps.Requests);
        var rows = QueuedRows(scenario);
        Assert.Equal(["POST", "PATCH", "DELETE"], rows.Select(r => (string)r[QueuedChangeTable.Operation]));
        Assert.All(rows, r => Assert.Equal(MapName, r[QueuedChangeTable.Map]));
        Assert.All(rows, r => Assert.Equal("CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", r[QueuedChangeTable.FinOpsRecord]));
        Assert.All(rows, r => Assert.Equal("CustomersV3", r[QueuedChangeTable.EntitySetName]));
        Assert.Equal("account US-001 (usmf)", rows[0][QueuedChangeTable.Name]);
        var created = (JsonObject)JsonParser.Parse((string)rows[0][QueuedChangeTable.Body]);
        Assert.Equal("US-001", ((JsonString)created["CustomerAccount"]!).Value);
        Assert.Equal("{\"OrganizationName\":\"Contoso Ltd\"}", rows[1][QueuedChangeTable.Body]);
        Assert.False(rows[2].Attributes.ContainsKey(QueuedChangeTable.Body) && rows[2][QueuedChangeTable.Body] is not null);
        var state = scenario.Service.Retrieve(MapStateTable.LogicalName, stateRow, new ColumnSet(MapStateTable.HasQueuedChanges));
        Assert.True((bool)state[MapStateTable.HasQueuedChanges]);
    }

    [Fact]
    public async Task A_queued_save_that_rolls_back_leaves_no_queued_change()
    {
        await using var scenario = await CustomersScenario.StartAsync(onPaused: PausedSaveBehavior.Queue);
        MirrorState(scenario, MapStateNames.Paused);
        var account = CustomersScenario.NewAccount();
        account["msdyn_customergroupid"] = new EntityReference("msdyn_customergroup", CustomersScenario.GroupWithoutCode);

        Assert.Throws<InvalidPluginExecutionException>(() => scenario.Service.Create(account));

        Assert.Empty(QueuedRows(scenario));
    }

    [Fact]
    public async Task A_running_map_with_changes_still_queued_queues_the_save_behind_them()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        MirrorState(scenario, MapStateNames.CatchingUp, hasQueuedChanges: true);

        scenario.Service.Create(CustomersScenario.NewAccount());

        Assert.Empty(scenario.FinOps.Requests);
        Assert.Equal("POST", Assert.Single(QueuedRows(scenario))[QueuedChangeTable.Operation]);
    }

    [Theory]
    [InlineData(MapStateNames.CatchingUp)]
    [InlineData(MapStateNames.InitialSync)]
    public async Task A_map_catching_up_or_loading_writes_the_save_through(string state)
    {
        await using var scenario = await CustomersScenario.StartAsync(onPaused: PausedSaveBehavior.Queue);
        MirrorState(scenario, state);

        scenario.Service.Create(CustomersScenario.NewAccount());

        Assert.Single(scenario.FinOps.Requests);
        Assert.Empty(QueuedRows(scenario));
    }

    [Fact]
    public async Task The_integrations_own_writes_pass_a_paused_map_untouched()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        MirrorState(scenario, MapStateNames.Paused);
        scenario.Dataverse.ClearTraces();

        var request = new Microsoft.Xrm.Sdk.Messages.CreateRequest { Target = CustomersScenario.NewAccount() };
        request.Parameters["tag"] = "DualWrite";
        scenario.Service.Execute(request);

        Assert.Empty(scenario.FinOps.Requests);
    }

    /// <summary>What the listener's mirror writes: the map's row in dw_mapstate.</summary>
    private static Guid MirrorState(CustomersScenario scenario, string state, string? reason = null, bool hasQueuedChanges = false)
    {
        var row = new Entity(MapStateTable.LogicalName)
        {
            [MapStateTable.Name] = MapName,
            [MapStateTable.State] = state,
            [MapStateTable.HasQueuedChanges] = hasQueuedChanges,
        };
        if (reason is not null)
        {
            row[MapStateTable.Reason] = reason;
        }

        return scenario.Service.Create(row);
    }

    private static Entity[] QueuedRows(CustomersScenario scenario)
    {
        var query = new QueryExpression(QueuedChangeTable.LogicalName) { ColumnSet = new ColumnSet(true) };
        query.AddOrder(QueuedChangeTable.Sequence, OrderType.Ascending);
        query.AddOrder("createdon", OrderType.Ascending);
        return scenario.Service.RetrieveMultiple(query).Entities.ToArray();
    }
}
