using DualWrite.Core.Conflicts;

namespace DualWrite.Core.Tests.Conflicts;

public class DataverseWinsTests
{
    [Fact]
    public void A_field_changed_on_both_sides_keeps_the_Dataverse_value_even_when_FinOps_wrote_later()
    {
        var scenario = new ConflictScenario("DataverseWins") { FinOpsModifiedOn = ConflictScenario.Later };
        var resolution = scenario.Field("firstname", "Ada", "Augusta", "Grace").Resolve();

        Assert.Equal(ConflictOutcome.NothingToWrite, resolution.Outcome);
        Assert.Equal(new[] { "firstname = Grace" }, resolution.Kept());
        Assert.Equal(ConflictWinner.Dataverse, Assert.Single(resolution.Conflicts).Winner);
        Assert.Single(resolution.PendingForFinOps);
    }

    [Fact]
    public void The_other_fields_FinOps_changed_are_still_written()
    {
        var resolution = new ConflictScenario("DataverseWins")
            .Field("firstname", "Ada", "Augusta", "Grace")
            .Field("lastname", "Lovelace", "King", "Lovelace")
            .Resolve();

        Assert.Equal(ConflictOutcome.Write, resolution.Outcome);
        Assert.Equal(new[] { "lastname = King" }, resolution.Written());
    }
}
