using System.Collections.Generic;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Tests.Pipeline;

public sealed class StepOrderTests
{
    [Fact]
    public void Stages_run_in_order_and_steps_within_a_stage_by_rank_then_registration()
    {
        var order = new List<string>();
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, _ => order.Add("post rank 1"), rank: 1))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreOperation, _ => order.Add("pre rank 5"), rank: 5))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreOperation, _ => order.Add("pre rank 2 first"), rank: 2))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreOperation, _ => order.Add("pre rank 2 second"), rank: 2))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreValidation, _ => order.Add("prevalidation"), rank: 9))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, _ => order.Add("async"), mode: StepMode.Asynchronous))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, _ => order.Add("post rank 0"), rank: 0))
            .Build();

        dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        Assert.Equal(
            ["prevalidation", "pre rank 2 first", "pre rank 2 second", "pre rank 5", "post rank 0", "post rank 1", "async"],
            order);
    }

    [Fact]
    public void Steps_run_only_for_their_message_and_table_and_a_step_without_table_runs_for_every_table()
    {
        var ran = new List<string>();
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "contact", PipelineStage.PostOperation, _ => ran.Add("contact create")))
            .AddStep(TestDataverse.Step("Update", "account", PipelineStage.PostOperation, _ => ran.Add("account update")))
            .AddStep(TestDataverse.Step("Create", null, PipelineStage.PostOperation, s => ran.Add("any create: " + s.Context.PrimaryEntityName)))
            .Build();

        dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        Assert.Equal(["any create: account"], ran);
    }

    [Fact]
    public void Filtering_attributes_run_an_update_step_only_when_the_target_carries_one_of_them()
    {
        var runs = 0;
        using var dataverse = TestDataverse.Builder()
            .AddStep(new StepRegistration
            {
                PluginFactory = (_, _) => new DelegatePlugin(_ => runs++),
                Message = "Update",
                Table = "account",
                Stage = PipelineStage.PostOperation,
                FilteringAttributes = ["creditlimit", "name"],
            })
            .Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        dataverse.Service.Update(new Entity("account", id) { ["description"] = "not filtered" });
        Assert.Equal(0, runs);

        dataverse.Service.Update(new Entity("account", id) { ["creditlimit"] = new Money(1m) });
        Assert.Equal(1, runs);

        // Sending a filtered column counts even when its value does not change, as on the platform.
        dataverse.Service.Update(new Entity("account", id) { ["name"] = "A" });
        Assert.Equal(2, runs);
    }

    [Fact]
    public void A_preoperation_change_to_the_target_is_saved()
    {
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreOperation, s => s.Target["description"] = "set by plug-in"))
            .Build();

        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        Assert.Equal("set by plug-in", dataverse.Service.Retrieve("account", id, new Microsoft.Xrm.Sdk.Query.ColumnSet("description"))["description"]);
    }

    [Fact]
    public void Plugins_never_change_the_callers_entity()
    {
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreOperation, s => s.Target["description"] = "set by plug-in"))
            .Build();
        var entity = new Entity("account") { ["name"] = "A" };

        dataverse.Service.Create(entity);

        Assert.False(entity.Contains("description"));
    }
}
