using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.MapValidation.Validation;

namespace DualWrite.MapValidation.Tests.Validation;

public class RunnerAndReportTests
{
    /// <summary>Serves the shipped metadata at the services' $metadata URLs, as the real services would.</summary>
    private sealed class MetadataServer : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.Host switch
            {
                "usmf.operations.dynamics.com" => TestData.FinOpsMetadataPath,
                "org.crm.dynamics.com" => TestData.DataverseMetadataPath,
                _ => null,
            };
            return Task.FromResult(path is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(File.ReadAllText(path)) });
        }
    }

    [Fact]
    public async Task Metadata_is_read_from_the_services_urls()
    {
        using var http = new HttpClient(new MetadataServer());

        var issues = await MapValidationRunner.RunAsync(
            TestData.MapsDirectory,
            "https://usmf.operations.dynamics.com/data/$metadata",
            "https://org.crm.dynamics.com/api/data/v9.2/$metadata",
            TestData.ChoicesPath,
            http);

        Assert.True(issues.Count == 0, string.Join("\n", issues));
    }

    [Fact]
    public async Task An_unreachable_metadata_url_is_an_issue_not_a_crash()
    {
        using var http = new HttpClient(new MetadataServer());

        var issues = await MapValidationRunner.RunAsync(TestData.MapsDirectory, "https://missing.example/data/$metadata", TestData.DataverseMetadataPath, null, http);

        var issue = Assert.Single(issues);
        Assert.Equal(ValidationIssueCode.MetadataUnreadable, issue.Code);
        Assert.Equal("https://missing.example/data/$metadata", issue.File);
    }

    [Fact]
    public async Task Metadata_that_is_not_csdl_is_reported_with_its_location()
    {
        var broken = Path.Combine(Path.GetTempPath(), "dualwrite-broken-" + Guid.NewGuid().ToString("N") + ".xml");
        await File.WriteAllTextAsync(broken, "<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\"><edmx:DataServices>");
        try
        {
            var issues = await MapValidationRunner.RunAsync(TestData.MapsDirectory, broken, TestData.DataverseMetadataPath);

            Assert.NotEmpty(issues);
            Assert.All(issues, issue => Assert.Equal(ValidationIssueCode.MetadataUnreadable, issue.Code));
            Assert.All(issues, issue => Assert.Equal(broken, issue.File));
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public void A_map_that_does_not_load_is_reported_with_line_and_column_and_the_others_are_still_checked()
    {
        var files = TestData.StandardMaps.Append(new MapFile("truncated.json", "{ \"schemaVersion\": 1, \"name\": ")).Append(TestData.Broken("type-mismatch.json")).ToList();

        var issues = TestData.Validator.Validate(files);

        var notLoaded = Assert.Single(issues, issue => issue.File == "truncated.json");
        Assert.Equal(ValidationIssueCode.MapDoesNotLoad, notLoaded.Code);
        Assert.StartsWith("line 1, column ", notLoaded.Message, StringComparison.Ordinal);
        Assert.Contains(issues, issue => issue.File == "type-mismatch.json" && issue.Code == ValidationIssueCode.TypeMismatch);
    }

    [Fact]
    public void Two_files_with_one_map_name_are_reported()
    {
        var legalEntities = TestData.StandardMaps.Single(file => file.Name == "legal-entities.json");

        var issues = TestData.Validator.Validate(TestData.StandardMaps.Append(new MapFile("legal-entities-copy.json", legalEntities.Text)).ToList());

        var duplicate = Assert.Single(issues);
        Assert.Equal(ValidationIssueCode.DuplicateMapName, duplicate.Code);
        Assert.Equal("legal-entities-copy.json", duplicate.File);
    }

    [Fact]
    public void A_two_way_field_that_cannot_round_trip_is_reported()
    {
        var issues = TestData.ValidateWithStandardMaps("not-invertible.json");

        var issue = Assert.Single(issues);
        Assert.Equal(ValidationIssueCode.NotInvertible, issue.Code);
        Assert.Equal("Name", issue.Field);
    }

    [Fact]
    public void The_report_prints_one_issue_a_line_and_returns_1_when_there_are_issues()
    {
        using var output = new StringWriter();

        var exitCode = ValidationReport.Write(TestData.ValidateWithStandardMaps("type-mismatch.json"), output);

        Assert.Equal(ValidationReport.IssuesFound, exitCode);
        Assert.Equal(
            new[]
            {
                "type-mismatch.json: Broken: type mismatch: Name: TypeMismatch: declared decimal but F&O 'LegalEntities.Name' is Edm.String.",
                "type-mismatch.json: Broken: type mismatch: cdm_name: TypeMismatch: declared decimal but Dataverse 'cdm_company.cdm_name' is Edm.String.",
                "maps validate: 2 issue(s).",
            },
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_report_returns_0_when_green()
    {
        using var output = new StringWriter();

        Assert.Equal(ValidationReport.Green, ValidationReport.Write(Array.Empty<ValidationIssue>(), output));
        Assert.Equal("maps validate: no issues." + Environment.NewLine, output.ToString());
    }
}
