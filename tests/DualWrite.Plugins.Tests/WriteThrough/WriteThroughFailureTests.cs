using System;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using DualWrite.Plugins.TestSupport;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Plugins.Tests.WriteThrough;

/// <summary>Every way F&amp;O can fail a save rolls the Dataverse save back completely and tells the user why.</summary>
public sealed class WriteThroughFailureTests
{
    [Fact]
    public async Task A_400_rolls_the_create_back_and_shows_FinOpss_own_reason()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var before = scenario.Dataverse.Snapshot();
        scenario.FinOps.Script(FakeResponse.Error(400, "Customer group '99' does not exist."));

        var error = Assert.Throws<InvalidPluginExecutionException>(() => scenario.Service.Create(CustomersScenario.NewAccount()));

        Assert.Equal("F&O rejected account US-001 (usmf) for CustomersV3: Customer group '99' does not exist.", error.Message);
        Assert.Equal(before, scenario.Dataverse.Snapshot());
    }

    [Fact]
    public async Task A_400_on_update_leaves_the_record_as_it_was()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var id = scenario.Service.Create(CustomersScenario.NewAccount());
        var before = scenario.Dataverse.Snapshot();
        scenario.FinOps.Script(FakeResponse.Error(400, "Field 'Credit limit' must not be negative"));

        var error = Assert.Throws<InvalidPluginExecutionException>(() => scenario.Service.Update(new Entity("account", id) { ["creditlimit"] = new Money(-1m) }));

        Assert.Equal("F&O rejected account US-001 (usmf) for CustomersV3: Field 'Credit limit' must not be negative.", error.Message);
        Assert.Equal(before, scenario.Dataverse.Snapshot());
    }

    [Fact]
    public async Task A_refused_delete_keeps_the_record()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var id = scenario.Service.Create(CustomersScenario.NewAccount());
        var before = scenario.Dataverse.Snapshot();
        scenario.FinOps.Script(FakeResponse.Error(400, "The customer has open transactions."));

        var error = Assert.Throws<InvalidPluginExecutionException>(() => scenario.Service.Delete("account", id));

        Assert.Equal("F&O rejected the deletion of account US-001 (usmf) for CustomersV3: The customer has open transactions.", error.Message);
        Assert.Equal(before, scenario.Dataverse.Snapshot());
    }

    [Fact]
    public async Task A_500_rolls_back_and_names_the_status_and_reason()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var before = scenario.Dataverse.Snapshot();
        scenario.FinOps.Script(FakeResponse.Error(500, "Cannot create a record in Customers (CustTable). The record already exists."));

        var error = Assert.Throws<InvalidPluginExecutionException>(() => scenario.Service.Create(CustomersScenario.NewAccount()));

        Assert.Equal("F&O failed to process account US-001 (usmf) for CustomersV3 (HTTP 500): Cannot create a record in Customers (CustTable). The record already exists.", error.Message);
        Assert.Equal(before, scenario.Dataverse.Snapshot());
    }

    [Fact]
    public async Task A_429_whose_Retry_After_exceeds_the_budget_rolls_back_without_waiting()
    {
        await using var scenario = await CustomersScenario.StartAsync(budget: TimeSpan.FromSeconds(30));
        var before = scenario.Dataverse.Snapshot();
        scenario.FinOps.Script(FakeResponse.TooManyRequests(120));

        var error = Assert.Throws<InvalidPluginExecutionException>(() => scenario.Service.Create(CustomersScenario.NewAccount()));

        Assert.Equal("F&O is busy and asked to retry account US-001 (usmf) for CustomersV3 after 120 s, which does not fit the 30 s budget; nothing was saved, try again in a moment.", error.Message);
        Assert.Single(scenario.FinOps.Requests);
        Assert.Equal(before, scenario.Dataverse.Snapshot());
    }

    [Fact]
    public async Task No_answer_within_the_call_timeout_rolls_back_and_says_how_long_it_waited()
    {
        await using var scenario = await CustomersScenario.StartAsync(callTimeout: TimeSpan.FromSeconds(1), budget: TimeSpan.FromSeconds(10));
        var before = scenario.Dataverse.Snapshot();
        scenario.FinOps.Script(new FakeResponse(201, "{}", TimeSpan.FromSeconds(10)));

        var error = Assert.Throws<InvalidPluginExecutionException>(() => scenario.Service.Create(CustomersScenario.NewAccount()));

        Assert.Equal("F&O did not answer within 1 s for account US-001 (usmf) in CustomersV3; nothing was saved, try again later.", error.Message);
        Assert.Equal(before, scenario.Dataverse.Snapshot());
    }

    [Fact]
    public async Task A_refused_connection_rolls_back_and_says_FinOps_could_not_be_reached()
    {
        var closedPort = ClosedLoopbackPort();
        await using var scenario = await CustomersScenario.StartAsync(finOpsBaseUrl: new Uri("http://127.0.0.1:" + closedPort + "/"));
        var before = scenario.Dataverse.Snapshot();

        var error = Assert.Throws<InvalidPluginExecutionException>(() => scenario.Service.Create(CustomersScenario.NewAccount()));

        Assert.StartsWith("F&O could not be reached for account US-001 (usmf) in CustomersV3: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, scenario.Dataverse.Snapshot());
    }

    [Fact]
    public async Task A_token_the_token_service_refuses_rolls_back_and_quotes_the_token_service()
    {
        await using var scenario = await CustomersScenario.StartAsync(tenantId: "unknown-tenant");
        var before = scenario.Dataverse.Snapshot();

        var error = Assert.Throws<InvalidPluginExecutionException>(() => scenario.Service.Create(CustomersScenario.NewAccount()));

        Assert.Equal(
            "DualWrite could not sign in to F&O for account US-001 (usmf) in CustomersV3: the token service refused client dualwrite-app of tenant unknown-tenant at "
            + scenario.FinOps.BaseUrl + " (HTTP 400): AADSTS900144: bad token request.",
            error.Message);
        Assert.Empty(scenario.FinOps.Requests);
        Assert.Equal(before, scenario.Dataverse.Snapshot());
    }

    [Fact]
    public async Task A_lookup_to_a_record_without_a_code_fails_before_anything_is_sent()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var account = CustomersScenario.NewAccount();
        account["msdyn_customergroupid"] = new EntityReference("msdyn_customergroup", CustomersScenario.GroupWithoutCode);

        var error = Assert.Throws<InvalidPluginExecutionException>(() => scenario.Service.Create(account));

        Assert.Equal("account US-001 (usmf) cannot be written to CustomersV3: Field CustomerGroupId refers to msdyn_customergroup 0b000000-0000-0000-0000-0000000000ff, whose msdyn_groupid is empty, so F&O cannot be given its code.", error.Message);
        Assert.Empty(scenario.FinOps.Requests);
    }

    [Fact]
    public async Task A_value_the_map_cannot_carry_fails_with_the_maps_message()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var account = CustomersScenario.NewAccount();
        account["msdyn_onholdstatus"] = new OptionSetValue(7);

        var error = Assert.Throws<InvalidPluginExecutionException>(() => scenario.Service.Create(account));

        Assert.StartsWith("account US-001 (usmf) cannot be written to CustomersV3: Map 'Customers V3': field msdyn_onholdstatus value '7'", error.Message, StringComparison.Ordinal);
        Assert.Empty(scenario.FinOps.Requests);
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
