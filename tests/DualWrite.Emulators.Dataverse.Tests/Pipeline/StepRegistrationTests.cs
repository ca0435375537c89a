using System;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Tests.Pipeline;

public sealed class StepRegistrationTests
{
    public static TheoryData<StepRegistration, string> Mistakes => new()
    {
        { Step("Create", PipelineStage.PostOperation, images: [new StepImage("pre", ImageType.PreImage)]), "Create has no pre-image" },
        { Step("Create", PipelineStage.PreOperation, images: [new StepImage("post", ImageType.PostImage)]), "only at PostOperation" },
        { Step("Update", PipelineStage.PreOperation, images: [new StepImage("post", ImageType.PostImage)]), "only at PostOperation" },
        { Step("Delete", PipelineStage.PostOperation, images: [new StepImage("post", ImageType.PostImage)]), "Delete has no post-image" },
        { Step("Update", PipelineStage.PreOperation, mode: StepMode.Asynchronous), "asynchronous step must be registered on PostOperation" },
        { Step("Update", PipelineStage.MainOperation), "stage 30" },
        { Step("Create", PipelineStage.PostOperation, filtering: ["name"]), "filtering attributes apply to Update" },
        { Step("ExecuteMultiple", PipelineStage.PostOperation), "cannot be registered on ExecuteMultiple" },
        { Step("Merge", PipelineStage.PostOperation), "message 'Merge'" },
        { Step("Update", PipelineStage.PostOperation, images: [new StepImage("img", ImageType.PreImage), new StepImage("img", ImageType.PostImage)]), "used twice" },
        { Step("RetrieveMultiple", PipelineStage.PostOperation, images: [new StepImage("img", ImageType.PreImage)]), "does not support entity images" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Registration_mistakes_are_rejected_with_a_message_that_says_what_is_wrong(StepRegistration step, string expected)
    {
        var error = Assert.Throws<StepRegistrationException>(() => TestDataverse.Builder().AddStep(step));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_on_an_undeclared_table_or_column_is_rejected_at_build()
    {
        var table = Assert.Throws<StepRegistrationException>(() => TestDataverse.Builder().AddStep(Step("Update", PipelineStage.PostOperation, table: "nosuch")).Build());
        Assert.Contains("'nosuch' is not declared", table.Message, StringComparison.Ordinal);

        var column = Assert.Throws<StepRegistrationException>(() => TestDataverse.Builder().AddStep(Step("Update", PipelineStage.PostOperation, filtering: ["nosuchcolumn"])).Build());
        Assert.Contains("nosuchcolumn", column.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_that_is_not_a_plugin_is_rejected()
    {
        var error = Assert.Throws<StepRegistrationException>(() => TestDataverse.Builder().AddStep(new StepRegistration { PluginType = typeof(string), Message = "Create" }));

        Assert.Contains("does not implement IPlugin", error.Message, StringComparison.Ordinal);
    }

    private static StepRegistration Step(string message, PipelineStage stage, StepMode mode = StepMode.Synchronous, StepImage[]? images = null, string[]? filtering = null, string table = "account")
        => new()
        {
            PluginFactory = (_, _) => new DelegatePlugin(_ => { }),
            Name = "probe",
            Message = message,
            Table = table,
            Stage = stage,
            Mode = mode,
            Images = images ?? [],
            FilteringAttributes = filtering ?? [],
        };
}
