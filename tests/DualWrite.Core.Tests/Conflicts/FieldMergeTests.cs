using DualWrite.Core.Conflicts;
using DualWrite.Core.Maps;

namespace DualWrite.Core.Tests.Conflicts;

public class FieldMergeTests
{
    [Fact]
    public void Concurrent_changes_to_different_fields_are_both_kept_even_when_Dataverse_wrote_last()
    {
        var scenario = new ConflictScenario("FieldMerge") { DataverseModifiedOn = ConflictScenario.Later };
        var resolution = scenario
            .Field("firstname", "Ada", "Augusta", "Ada")
            .Field("lastname", "Lovelace", "Lovelace", "King")
            .Resolve();

        Assert.Equal(ConflictOutcome.Write, resolution.Outcome);
        Assert.Equal(new[] { "firstname = Augusta" }, resolution.Written());
        Assert.Equal(new[] { "lastname = King" }, resolution.Kept());
        Assert.False(resolution.HasConflicts);
    }

    [Theory]
    [InlineData(true, "Augusta")]
    [InlineData(false, "Grace")]
    public void The_same_field_changed_on_both_sides_falls_back_to_the_last_writer(bool finOpsLater, string expected)
    {
        var scenario = new ConflictScenario("FieldMerge")
        {
            FinOpsModifiedOn = finOpsLater ? ConflictScenario.Later : ConflictScenario.Earlier,
            DataverseModifiedOn = finOpsLater ? ConflictScenario.Earlier : ConflictScenario.Later,
        };
        var resolution = scenario.Field("firstname", "Ada", "Augusta", "Grace").Resolve();

        Assert.Equal(expected, resolution.DecisionFor("firstname").Value!.ToString());
        Assert.Equal(ConflictPolicy.FieldMerge, Assert.Single(resolution.Conflicts).Policy);
    }

    [Fact]
    public void A_field_policy_overrides_the_map_policy()
    {
        var scenario = new ConflictScenario("FieldMerge", phonePolicy: "DataverseWins") { FinOpsModifiedOn = ConflictScenario.Later };
        var resolution = scenario
            .Field("firstname", "Ada", "Augusta", "Grace")
            .Field("telephone1", "1", "2", "3")
            .Resolve();

        Assert.Equal(new[] { "firstname = Augusta" }, resolution.Written());
        Assert.Equal(new[] { "telephone1 = 3" }, resolution.Kept());
        Assert.Equal(ConflictPolicy.DataverseWins, resolution.DecisionFor("telephone1").PolicyApplied);
    }

    [Fact]
    public void Is_the_default_policy_of_a_two_way_map()
    {
        Assert.Equal(ConflictPolicy.FieldMerge, TableMap.DefaultConflictPolicy(MapDirection.TwoWay));
    }
}
