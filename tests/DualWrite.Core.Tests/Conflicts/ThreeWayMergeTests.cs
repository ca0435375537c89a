using DualWrite.Core.Conflicts;
using static DualWrite.Core.Tests.Conflicts.ConflictScenario;

namespace DualWrite.Core.Tests.Conflicts;

public class ThreeWayMergeTests
{
    [Theory]
    [InlineData("FinOpsWins")]
    [InlineData("DataverseWins")]
    [InlineData("LastWriterWins")]
    [InlineData("FieldMerge")]
    [InlineData("ManualReview")]
    public void A_record_missing_in_Dataverse_is_written_whole_under_every_policy(string policy)
    {
        var resolution = new ConflictScenario(policy)
            .Field("msdyn_contactpersonid", Unknown, "C-001", Unknown)
            .Field("firstname", Unknown, "Ada", Unknown)
            .Field("lastname", Unknown, null, Unknown)
            .Resolve();

        Assert.Equal(ConflictOutcome.Write, resolution.Outcome);
        Assert.Equal(new[] { "msdyn_contactpersonid = C-001", "firstname = Ada", "lastname = null" }, resolution.Written());
        Assert.False(resolution.HasConflicts);
    }

    [Fact]
    public void The_echo_of_a_plugin_write_writes_nothing()
    {
        // Dataverse changed the name, the plug-in pushed it to F&O, F&O's event comes back with the same value.
        var resolution = new ConflictScenario("FieldMerge")
            .Field("firstname", "Ada", "Grace", "Grace")
            .Field("lastname", "Lovelace", "Lovelace", "Lovelace")
            .Resolve();

        Assert.Equal(ConflictOutcome.NothingToWrite, resolution.Outcome);
        Assert.Empty(resolution.Written());
        Assert.Equal(FieldChange.None, resolution.DecisionFor("firstname").Change);
        Assert.Equal("Grace", resolution.DecisionFor("firstname").Value!.ToString());
    }

    [Fact]
    public void A_field_changed_in_FinOps_only_is_written()
    {
        var resolution = new ConflictScenario("DataverseWins")
            .Field("firstname", "Ada", "Augusta", "Ada")
            .Resolve();

        Assert.Equal(new[] { "firstname = Augusta" }, resolution.Written());
        Assert.Equal(FieldChange.FinOpsOnly, resolution.DecisionFor("firstname").Change);
        Assert.Null(resolution.DecisionFor("firstname").PolicyApplied);
    }

    [Fact]
    public void A_field_changed_in_Dataverse_only_stays_and_is_reported_for_the_plugin_to_carry()
    {
        var resolution = new ConflictScenario("FinOpsWins")
            .Field("firstname", "Ada", "Ada", "Augusta")
            .Resolve();

        Assert.Equal(ConflictOutcome.NothingToWrite, resolution.Outcome);
        Assert.Equal(new[] { "firstname = Augusta" }, resolution.Kept());
        Assert.Single(resolution.PendingForFinOps);
        Assert.False(resolution.HasConflicts);
    }

    [Fact]
    public void A_field_that_travels_to_Dataverse_only_is_owned_by_FinOps_and_overwrites_a_Dataverse_edit()
    {
        var resolution = new ConflictScenario("DataverseWins")
            .Field("msdyn_creditscore", 5m, 5m, 7m)
            .Resolve();

        Assert.Equal(new[] { "msdyn_creditscore = 5" }, resolution.Written());
    }

    [Fact]
    public void Without_a_base_a_disagreement_counts_as_a_change_on_both_sides()
    {
        var resolution = new ConflictScenario("DataverseWins")
            .Field("firstname", Unknown, "Ada", "Augusta")
            .Resolve();

        Assert.Equal(FieldChange.Both, resolution.DecisionFor("firstname").Change);
        Assert.Equal(ConflictWinner.Dataverse, Assert.Single(resolution.Conflicts).Winner);
        Assert.Equal(ConflictOutcome.NothingToWrite, resolution.Outcome);
    }

    [Fact]
    public void Both_sides_changing_a_field_to_the_same_value_is_no_conflict()
    {
        var resolution = new ConflictScenario("ManualReview")
            .Field("firstname", "Ada", "Augusta", "Augusta")
            .Resolve();

        Assert.Equal(ConflictOutcome.NothingToWrite, resolution.Outcome);
        Assert.False(resolution.HasConflicts);
    }

    [Fact]
    public void A_field_FinOps_does_not_send_keeps_the_Dataverse_value()
    {
        var resolution = new ConflictScenario("FinOpsWins")
            .Field("lastname", "Lovelace", Unknown, "King")
            .Resolve();

        Assert.Equal(FieldAction.KeepDataverse, resolution.DecisionFor("lastname").Action);
        Assert.Empty(resolution.PendingForFinOps);
    }
}
