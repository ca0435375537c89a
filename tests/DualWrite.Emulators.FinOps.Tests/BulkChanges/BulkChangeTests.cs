using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Emulators.FinOps.BulkChanges;
using DualWrite.Emulators.FinOps.Events;
using DualWrite.Emulators.FinOps.Tests.Support;

namespace DualWrite.Emulators.FinOps.Tests.BulkChanges;

public sealed class BulkChangeTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;
    private EventReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _receiver = await EventReceiver.StartAsync();
        _harness = await EmulatorHarness.StartAsync();
        _harness.Control.Events.Register(new EventEndpoint("listener", _receiver.Url));
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task The_admin_endpoint_changes_the_first_rows_of_a_company_and_publishes_one_update_event_each()
    {
        using var admin = new HttpClient { BaseAddress = _harness.Emulator.BaseAddress };

        using var response = await admin.PostAsync("_emulator/data/bulk-change", new StringContent(
            """{"entitySet":"CustomersV3","count":12,"field":"PrimaryContactPhone","value":"+1 555 {i}","company":"usrt"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(12, result["changed"]!.GetValue<int>());
        Assert.Equal(12, result["eventsPublished"]!.GetValue<int>());
        var events = await _receiver.WaitForAsync(12);
        Assert.All(events, e => Assert.Equal(ChangeOperation.Update, e.Event.Operation));
        Assert.All(events, e => Assert.Equal("usrt", e.Event.LegalEntity));
        using var read = await _harness.Http.GetAsync("CustomersV3?cross-company=true&$filter=dataAreaId eq 'usrt' and PrimaryContactPhone eq '+1 555 3'&$select=CustomerAccount");
        var rows = JsonNode.Parse(await read.Content.ReadAsStringAsync())!["value"]!.AsArray();
        Assert.Single(rows);
    }

    [Fact]
    public void A_count_past_the_rows_changes_them_all_and_unknown_or_key_fields_are_refused()
    {
        var groups = _harness.Control.Store.Read(view => view.Count(_harness.Control.Store.Schema.Get("CustomerGroups")));

        var result = _harness.Control.BulkChanges.Apply(new BulkChangeRequest("CustomerGroups", 1_000, "Description", "Changed"));

        Assert.Equal(groups, result.Changed);
        Assert.Throws<ArgumentException>(() => _harness.Control.BulkChanges.Apply(new BulkChangeRequest("CustomersV3", 1, "NoSuchField", "x")));
        Assert.Throws<ArgumentException>(() => _harness.Control.BulkChanges.Apply(new BulkChangeRequest("CustomersV3", 1, "CustomerAccount", "x")));
        Assert.Throws<ArgumentException>(() => _harness.Control.BulkChanges.Apply(new BulkChangeRequest("CustomersV3", 1, "CreditLimit", "lots")));
    }
}
