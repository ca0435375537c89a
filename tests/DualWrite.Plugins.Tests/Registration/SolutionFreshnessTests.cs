using System;
using System.Linq;
using DualWrite.MapValidation.Validation;
using DualWrite.Plugins.Registration;
using DualWrite.Plugins.TestSupport;
using DualWrite.TestSupport;

namespace DualWrite.Plugins.Tests.Registration;

public sealed class SolutionFreshnessTests
{
    [Fact]
    public void The_committed_solution_folder_is_what_the_maps_generate()
    {
        var files = SolutionGenerator.Generate(MapFile.ReadDirectory(RepositoryPaths.Maps), SolutionGenerator.ReadFinOpsMetadata(RepositoryPaths.Maps));

        var differences = SolutionFolder.Differences(RepositoryPaths.Solution, files);

        Assert.True(
            differences.Count == 0,
            "solution/ is out of date with Shared/maps. Run from the repository root:" + Environment.NewLine
            + "  dotnet run --project Plugins/DualWrite.Plugins.Registration -- generate" + Environment.NewLine
            + "Out of date: " + string.Join(", ", differences));
    }

    [Fact]
    public void Generating_twice_gives_the_same_files()
    {
        var maps = MapFile.ReadDirectory(RepositoryPaths.Maps);
        var metadata = SolutionGenerator.ReadFinOpsMetadata(RepositoryPaths.Maps);

        var first = SolutionGenerator.Generate(maps, metadata);
        var second = SolutionGenerator.Generate(maps, metadata);
        Assert.Equal(first, second);
    }
}
