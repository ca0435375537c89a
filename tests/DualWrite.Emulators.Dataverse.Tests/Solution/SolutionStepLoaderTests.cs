using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Seed;
using DualWrite.Emulators.Dataverse.Solution;
using DualWrite.Emulators.Dataverse.Tests.Support;
using DualWrite.Emulators.Dataverse.Tests.WebApi;
using DualWrite.TestSupport;

namespace DualWrite.Emulators.Dataverse.Tests.Solution;

public sealed class SolutionStepLoaderTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Solution", "Fixtures");

    private static SolutionStepOptions FixtureOptions() => new()
    {
        PluginAssemblies = [typeof(RecordingPlugin).Assembly.Location],
        SecureConfigurations = { ["DualWrite.Emulators.Dataverse.Tests.Solution.RecordingPlugin"] = "secret-config" },
        UnsecureSettings = { ["environment"] = "emulator" },
    };

    [Fact]
    public void A_step_file_becomes_a_registration_with_message_stage_mode_rank_filter_image_and_configuration()
    {
        var steps = SolutionStepLoader.Load(Fixtures, FixtureOptions());

        var step = Assert.Single(steps); // the disabled step is left out
        Assert.Equal(Guid.Parse("5b0f2d4e-1111-4c5e-9a3b-000000000001"), step.Id);
        Assert.Equal("Update", step.Message);
        Assert.Equal("contact", step.Table);
        Assert.Equal(PipelineStage.PostOperation, step.Stage);
        Assert.Equal(StepMode.Synchronous, step.Mode);
        Assert.Equal(3, step.Rank);
        Assert.Equal(["lastname"], step.FilteringAttributes);
        var image = Assert.Single(step.Images);
        Assert.Equal("pre", image.Alias);
        Assert.Equal(ImageType.PreImage, image.Type);
        Assert.Equal(["lastname", "firstname"], image.Attributes);
        Assert.Equal(typeof(RecordingPlugin), step.PluginType);
        Assert.Equal("secret-config", step.SecureConfiguration);
        Assert.Equal("{\"greeting\":\"from the solution\",\"environment\":\"emulator\"}", step.UnsecureConfiguration);
    }

    [Fact]
    public async Task Steps_from_the_solution_run_on_web_api_saves_with_their_configuration_and_images()
    {
        var options = new DataverseEmulatorOptions { Seed = DataverseSeedOptions.None, SolutionFolder = Fixtures, Steps = FixtureOptions() };
        await using var emulator = await DataverseEmulator.StartAsync(options);
        using var client = new WebApiClient(await emulator.CreateAuthenticatedClientAsync());
        var (_, created) = await client.SendAsync(HttpMethod.Post, "contacts", new JsonObject { ["lastname"] = "Old" }, ("Prefer", "return=representation"));

        await client.SendAsync(HttpMethod.Patch, $"contacts({created!["contactid"]!.GetValue<string>()})", new JsonObject { ["lastname"] = "FromSolution" });

        var run = RecordingPlugin.Runs["FromSolution"];
        Assert.Equal("secret-config", run.Secure);
        Assert.Contains("from the solution", run.Unsecure, StringComparison.Ordinal);
        Assert.Equal("Old", run.PreLastName);
    }

    [Fact]
    public void The_generated_solution_loads_with_the_real_plugin_assembly()
    {
        var options = new SolutionStepOptions { PluginAssemblies = [RepositoryPaths.PluginAssembly] };

        var steps = SolutionStepLoader.Load(RepositoryPaths.Solution, options);

        var stepFiles = Directory.GetFiles(Path.Combine(RepositoryPaths.Solution, "SdkMessageProcessingSteps"), "*.xml").Length;
        Assert.Equal(stepFiles, steps.Count);
        Assert.All(steps, s => Assert.Equal("DualWrite.Plugins.WriteThrough.WriteThroughPlugin", s.PluginType!.FullName));
        Assert.Contains(steps, s => s.Message == "Update" && s.Table == "account" && s.Images.Any(i => i.Alias == "pre"));
    }

    [Fact]
    public void A_step_whose_plugin_type_is_missing_is_reported_with_its_file()
    {
        var options = new SolutionStepOptions { PluginAssemblies = [typeof(SolutionStepLoader).Assembly.Location] };

        var error = Assert.Throws<InvalidDataException>(() => SolutionStepLoader.Load(Fixtures, options));

        Assert.Contains("{5b0f2d4e-1111-4c5e-9a3b-000000000001}.xml", error.Message, StringComparison.Ordinal);
        Assert.Contains("RecordingPlugin", error.Message, StringComparison.Ordinal);
    }
}
