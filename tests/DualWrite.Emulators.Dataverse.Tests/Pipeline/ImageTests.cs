using System.Collections.Generic;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Tests.Pipeline;

public sealed class ImageTests
{
    private readonly Dictionary<string, (Entity? Pre, Entity? Post)> _seen = [];

    [Fact]
    public void Update_gives_a_preimage_at_pre_and_postoperation_and_a_postimage_at_postoperation_only()
    {
        using var dataverse = Build("Update", [PipelineStage.PreValidation, PipelineStage.PreOperation, PipelineStage.PostOperation], ImageType.Both, ["PostOperation"]);
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "Before", ["numberofemployees"] = 5 });

        dataverse.Service.Update(new Entity("account", id) { ["name"] = "After" });

        Assert.Equal("Before", _seen["PreOperation"].Pre!["name"]);
        Assert.Null(_seen["PreOperation"].Post);
        Assert.Equal("Before", _seen["PreValidation"].Pre!["name"]);
        Assert.Equal("Before", _seen["PostOperation"].Pre!["name"]);
        Assert.Equal("After", _seen["PostOperation"].Post!["name"]);
        Assert.Equal(5, _seen["PostOperation"].Post!["numberofemployees"]);
    }

    [Fact]
    public void Create_gives_only_a_postimage_at_postoperation()
    {
        using var dataverse = Build("Create", [PipelineStage.PreOperation, PipelineStage.PostOperation], ImageType.PostImage, ["PostOperation"]);

        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "New" });

        Assert.Null(_seen["PreOperation"].Post);
        Assert.Equal(id, _seen["PostOperation"].Post!.Id);
        Assert.Equal("New", _seen["PostOperation"].Post!["name"]);
        Assert.Null(_seen["PostOperation"].Pre);
    }

    [Fact]
    public void Delete_gives_a_preimage_at_every_stage()
    {
        using var dataverse = Build("Delete", [PipelineStage.PreValidation, PipelineStage.PreOperation, PipelineStage.PostOperation], ImageType.PreImage, []);
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "Doomed" });

        dataverse.Service.Delete("account", id);

        Assert.Equal("Doomed", _seen["PreValidation"].Pre!["name"]);
        Assert.Equal("Doomed", _seen["PreOperation"].Pre!["name"]);
        Assert.Equal("Doomed", _seen["PostOperation"].Pre!["name"]);
    }

    [Fact]
    public void An_image_holds_only_its_listed_attributes()
    {
        var images = new List<Entity>();
        using var dataverse = TestDataverse.Builder()
            .AddStep(new StepRegistration
            {
                PluginFactory = (_, _) => new DelegatePlugin(s => images.Add(s.Context.PreEntityImages["pre"])),
                Message = "Update",
                Table = "account",
                Stage = PipelineStage.PostOperation,
                Images = [new StepImage("pre", ImageType.PreImage, "name")],
            })
            .Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "A", ["numberofemployees"] = 5 });

        dataverse.Service.Update(new Entity("account", id) { ["numberofemployees"] = 6 });

        var image = Assert.Single(images);
        Assert.Equal("A", image["name"]);
        Assert.False(image.Contains("numberofemployees"));
    }

    [Fact]
    public void An_async_step_sees_images_as_they_were_when_the_operation_ran()
    {
        var images = new List<Entity>();
        using var dataverse = TestDataverse.Builder()
            .AddStep(new StepRegistration
            {
                PluginFactory = (_, _) => new DelegatePlugin(s => images.Add(s.Context.PostEntityImages["post"])),
                Message = "Update",
                Table = "account",
                Stage = PipelineStage.PostOperation,
                Mode = StepMode.Asynchronous,
                Images = [new StepImage("post", ImageType.PostImage)],
            })
            .Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        dataverse.Service.Update(new Entity("account", id) { ["name"] = "B" });

        Assert.Equal("B", Assert.Single(images)["name"]);
    }

    [Fact]
    public void Upsert_steps_get_a_preimage_only_when_the_record_existed()
    {
        var pre = new List<bool>();
        using var dataverse = TestDataverse.Builder()
            .AddStep(new StepRegistration
            {
                PluginFactory = (_, _) => new DelegatePlugin(s => pre.Add(s.Context.PreEntityImages.Contains("pre"))),
                Message = "Upsert",
                Table = "account",
                Stage = PipelineStage.PostOperation,
                Images = [new StepImage("pre", ImageType.PreImage)],
            })
            .Build();

        dataverse.Service.Execute(new Microsoft.Xrm.Sdk.Messages.UpsertRequest { Target = new Entity("account", "accountnumber", "K") { ["name"] = "A" } });
        dataverse.Service.Execute(new Microsoft.Xrm.Sdk.Messages.UpsertRequest { Target = new Entity("account", "accountnumber", "K") { ["name"] = "B" } });

        Assert.Equal([false, true], pre);
    }

    private InMemoryDataverse Build(string message, PipelineStage[] stages, ImageType postStageType, string[] postStages)
    {
        var builder = TestDataverse.Builder();
        foreach (var stage in stages)
        {
            var name = stage.ToString();
            var type = ((IList<string>)postStages).Contains(name) ? postStageType : (message == "Create" ? (ImageType?)null : ImageType.PreImage);
            builder.AddStep(new StepRegistration
            {
                PluginFactory = (_, _) => new DelegatePlugin(s => _seen[name] = (
                    s.Context.PreEntityImages.Contains("image") ? s.Context.PreEntityImages["image"] : null,
                    s.Context.PostEntityImages.Contains("image") ? s.Context.PostEntityImages["image"] : null)),
                Message = message,
                Table = "account",
                Stage = stage,
                Images = type is ImageType t ? [new StepImage("image", t)] : [],
            });
        }

        return builder.Build();
    }
}
