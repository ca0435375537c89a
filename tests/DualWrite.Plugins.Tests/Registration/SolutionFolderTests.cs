using System;
using System.IO;
using DualWrite.MapValidation.Validation;
using DualWrite.Plugins.Registration;
using DualWrite.Plugins.TestSupport;
using DualWrite.TestSupport;

namespace DualWrite.Plugins.Tests.Registration;

public sealed class SolutionFolderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dualwrite-solution-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Generating_into_an_up_to_date_folder_changes_nothing()
    {
        var files = SolutionGenerator.Generate(MapFile.ReadDirectory(RepositoryPaths.Maps), SolutionGenerator.ReadFinOpsMetadata(RepositoryPaths.Maps));

        var first = SolutionFolder.Write(_folder, files);
        var second = SolutionFolder.Write(_folder, files);

        Assert.Equal(files.Count, first.Count);
        Assert.Empty(second);
        Assert.Empty(SolutionFolder.Differences(_folder, files));
    }

    [Fact]
    public void A_step_no_map_produces_any_more_is_deleted_and_the_built_dll_is_kept()
    {
        var files = SolutionGenerator.Generate(MapFile.ReadDirectory(RepositoryPaths.Maps), SolutionGenerator.ReadFinOpsMetadata(RepositoryPaths.Maps));
        SolutionFolder.Write(_folder, files);
        var stale = Path.Combine(_folder, "SdkMessageProcessingSteps", "{00000000-0000-0000-0000-000000000001}.xml");
        File.WriteAllText(stale, "<SdkMessageProcessingStep />");
        var dll = Path.Combine(_folder, SolutionGenerator.AssemblyFolder.Replace('/', Path.DirectorySeparatorChar), "DualWritePlugins.dll");
        File.WriteAllText(dll, "built assembly");

        Assert.Equal(["SdkMessageProcessingSteps/{00000000-0000-0000-0000-000000000001}.xml"], SolutionFolder.Differences(_folder, files));
        var changes = SolutionFolder.Write(_folder, files);

        Assert.Equal(["deleted SdkMessageProcessingSteps/{00000000-0000-0000-0000-000000000001}.xml"], changes);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(dll));
    }

    [Fact]
    public void The_check_run_exits_1_on_a_stale_folder_and_0_once_generated()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var stale = SolutionGenerateRun.Run(RepositoryPaths.Maps, _folder, check: true, output, error);
        var generated = SolutionGenerateRun.Run(RepositoryPaths.Maps, _folder, check: false, output, error);
        var fresh = SolutionGenerateRun.Run(RepositoryPaths.Maps, _folder, check: true, output, error);

        Assert.Equal((1, 0, 0), (stale, generated, fresh));
        Assert.Contains(SolutionGenerateRun.RegenerateHint, output.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, error.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
