using DualWrite.Core.Conflicts;
using DualWrite.Core.Maps;

namespace DualWrite.Core.Tests.Conflicts;

public class FinOpsWinsTests
{
    [Fact]
    public void A_field_changed_on_both_sides_takes_the_FinOps_value_even_when_Dataverse_wrote_later()
    {
        var scenario = new ConflictScenario("FinOpsWins") { DataverseModifiedOn = ConflictScenario.Later };
        var resolution = scenario.Field("firstname", "Ada", "Augusta", "Grace").Resolve();

        Assert.Equal(new[] { "firstname = Augusta" }, resolution.Written());
        var conflict = Assert.Single(resolution.Conflicts);
        Assert.Equal(ConflictWinner.FinOps, conflict.Winner);
        Assert.Equal(ConflictPolicy.FinOpsWins, conflict.Policy);
        Assert.Equal("Ada", conflict.Versions.LastSynced!.ToString());
        Assert.Equal("Grace", conflict.Versions.Dataverse!.ToString());
    }

    [Fact]
    public void Changes_to_different_fields_are_both_kept()
    {
        var resolution = new ConflictScenario("FinOpsWins")
            .Field("firstname", "Ada", "Augusta", "Ada")
            .Field("lastname", "Lovelace", "Lovelace", "King")
            .Resolve();

        Assert.Equal(new[] { "firstname = Augusta" }, resolution.Written());
        Assert.Equal(new[] { "lastname = King" }, resolution.Kept());
    }
}
