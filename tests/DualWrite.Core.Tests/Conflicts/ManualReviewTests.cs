using DualWrite.Core.Conflicts;

namespace DualWrite.Core.Tests.Conflicts;

public class ManualReviewTests
{
    [Fact]
    public void A_field_changed_on_both_sides_parks_the_record_with_both_versions_and_writes_nothing()
    {
        var resolution = new ConflictScenario("ManualReview")
            .Field("firstname", "Ada", "Augusta", "Grace")
            .Field("lastname", "Lovelace", "King", "Lovelace")
            .Resolve();

        Assert.Equal(ConflictOutcome.ManualReview, resolution.Outcome);
        Assert.Empty(resolution.ToWrite);
        Assert.Equal(ConflictWinner.None, Assert.Single(resolution.Conflicts).Winner);
        Assert.Equal(
            "Map 'Contacts', key C-001: changed on both sides, parked for manual review: FirstName (base 'Ada', F&O 'Augusta', Dataverse 'Grace').",
            resolution.ReviewReason);
    }

    [Fact]
    public void Changes_to_different_fields_merge_without_review()
    {
        var resolution = new ConflictScenario("ManualReview")
            .Field("firstname", "Ada", "Augusta", "Ada")
            .Field("lastname", "Lovelace", "Lovelace", "King")
            .Resolve();

        Assert.Equal(ConflictOutcome.Write, resolution.Outcome);
        Assert.Equal(new[] { "firstname = Augusta" }, resolution.Written());
    }

    [Fact]
    public void A_manual_review_field_in_a_merge_map_parks_only_when_it_is_the_field_in_conflict()
    {
        var resolution = new ConflictScenario("FieldMerge", phonePolicy: "ManualReview")
            .Field("firstname", "Ada", "Augusta", "Grace")
            .Field("telephone1", "1", "2", "3")
            .Resolve();

        Assert.Equal(ConflictOutcome.ManualReview, resolution.Outcome);
        Assert.Contains("PrimaryPhoneNumber", resolution.ReviewReason!, System.StringComparison.Ordinal);
        Assert.DoesNotContain("FirstName", resolution.ReviewReason!, System.StringComparison.Ordinal);
    }
}
