using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Listener.Processing;

namespace DualWrite.EndToEnd.Tests.Applying;

public class MissingReferenceTests
{
    [Fact]
    public async Task A_customer_whose_group_is_not_in_Dataverse_waits_for_the_group_record_and_then_applies()
    {
        await using var rig = await ApplierRig.StartAsync();
        var created = await rig.FinOps.CreateAsync("CustomerGroups", new JsonObject { ["dataAreaId"] = "usmf", ["CustomerGroupId"] = "NEWGRP", ["Description"] = "New group" }, CancellationToken.None);
        Assert.True(created.Succeeded, created.ToString());
        await rig.UpdateFinOpsAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", new JsonObject { ["CustomerGroupId"] = "NEWGRP" });

        var child = await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None);

        OutcomeAssert.Is(ApplyOutcomeKind.WaitForRecord, child);
        Assert.Equal("CustomerGroups(dataAreaId='usmf',CustomerGroupId='NEWGRP')", child.WaitingFor);
        Assert.Contains("'NEWGRP' has no msdyn_customergroups row (msdyn_groupid='NEWGRP', company USMF)", child.Reason, System.StringComparison.Ordinal);
        Assert.Null(await rig.AccountAsync("US-001"));

        var parent = rig.EventFor("CustomerGroups", ChangeOperation.Create, ("dataAreaId", "usmf"), ("CustomerGroupId", "NEWGRP"));
        Assert.Equal(child.WaitingFor, parent.RecordKey);
        OutcomeAssert.Is(ApplyOutcomeKind.Applied, await rig.Applier.ApplyAsync(parent, CancellationToken.None));
        OutcomeAssert.Is(ApplyOutcomeKind.Applied, await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None));
        Assert.NotNull(await rig.AccountAsync("US-001"));
    }

    [Fact]
    public async Task A_value_the_map_cannot_translate_fails_with_map_field_key_and_value()
    {
        await using var rig = await ApplierRig.StartAsync((file, json) => file == "customers-v3.json"
            ? json.Replace("{ \"finOps\": \"No\", \"dataverse\": 192350000 },", string.Empty, System.StringComparison.Ordinal)
            : json);
        await rig.UpdateFinOpsAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", new JsonObject { ["OnHoldStatus"] = "No" });

        var outcome = await rig.Applier.ApplyAsync(rig.CustomerEvent("US-001"), CancellationToken.None);

        OutcomeAssert.Is(ApplyOutcomeKind.Failed, outcome);
        Assert.Contains("Map 'Customers V3': field OnHoldStatus value 'No' for key usmf/US-001", outcome.Reason, System.StringComparison.Ordinal);
    }
}
