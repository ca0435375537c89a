using DualWrite.Core.Conflicts;

namespace DualWrite.Core.Tests.Conflicts;

public class LastWriterWinsTests
{
    [Fact]
    public void When_Dataverse_wrote_last_its_whole_record_wins_and_the_FinOps_change_to_another_field_is_not_written()
    {
        var scenario = new ConflictScenario("LastWriterWins") { DataverseModifiedOn = ConflictScenario.Later };
        var resolution = scenario
            .Field("firstname", "Ada", "Augusta", "Ada")
            .Field("lastname", "Lovelace", "Lovelace", "King")
            .Resolve();

        Assert.Equal(ConflictOutcome.NothingToWrite, resolution.Outcome);
        Assert.Equal(new[] { "firstname = Ada", "lastname = King" }, resolution.Kept());
    }

    [Fact]
    public void When_FinOps_wrote_last_its_whole_record_wins_and_a_Dataverse_change_to_another_field_is_overwritten()
    {
        var scenario = new ConflictScenario("LastWriterWins") { FinOpsModifiedOn = ConflictScenario.Later };
        var resolution = scenario
            .Field("firstname", "Ada", "Augusta", "Ada")
            .Field("lastname", "Lovelace", "Lovelace", "King")
            .Resolve();

        Assert.Equal(new[] { "firstname = Augusta", "lastname = Lovelace" }, resolution.Written());
    }

    [Fact]
    public void When_only_FinOps_changed_there_is_no_conflict_whatever_the_times()
    {
        var scenario = new ConflictScenario("LastWriterWins") { DataverseModifiedOn = ConflictScenario.Later };
        var resolution = scenario
            .Field("firstname", "Ada", "Augusta", "Ada")
            .Field("lastname", "Lovelace", "Lovelace", "Lovelace")
            .Resolve();

        Assert.Equal(new[] { "firstname = Augusta" }, resolution.Written());
    }

    [Fact]
    public void The_same_field_changed_on_both_sides_goes_to_the_later_writer()
    {
        var scenario = new ConflictScenario("LastWriterWins") { DataverseModifiedOn = ConflictScenario.Later };
        var resolution = scenario.Field("firstname", "Ada", "Augusta", "Grace").Resolve();

        Assert.Equal(ConflictWinner.Dataverse, Assert.Single(resolution.Conflicts).Winner);
        Assert.Empty(resolution.Written());
    }

    [Fact]
    public void Equal_or_unknown_times_go_to_FinOps_whose_change_is_being_applied()
    {
        var scenario = new ConflictScenario("LastWriterWins") { DataverseModifiedOn = null };
        var resolution = scenario.Field("firstname", "Ada", "Augusta", "Grace").Resolve();

        Assert.Equal(new[] { "firstname = Augusta" }, resolution.Written());
    }
}
