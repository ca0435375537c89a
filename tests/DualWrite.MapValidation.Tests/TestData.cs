using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DualWrite.MapValidation.Metadata;
using DualWrite.MapValidation.Validation;

namespace DualWrite.MapValidation.Tests;

/// <summary>The shipped maps and metadata, copied beside the tests, and the broken fixtures.</summary>
internal static class TestData
{
    public static string MapsDirectory => Path.Combine(AppContext.BaseDirectory, "maps");

    public static string FinOpsMetadataPath => Path.Combine(MapsDirectory, "metadata", "fno.xml");

    public static string DataverseMetadataPath => Path.Combine(MapsDirectory, "metadata", "dataverse.xml");

    public static string ChoicesPath => Path.Combine(MapsDirectory, "metadata", "dataverse-choices.json");

    public static string BrokenDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Broken");

    private static readonly Lazy<ServiceSchema> FinOpsSchema = new(() => Schema(ServiceSide.FinOps, FinOpsMetadataPath));
    private static readonly Lazy<ServiceSchema> DataverseSchema = new(() => Schema(ServiceSide.Dataverse, DataverseMetadataPath));
    private static readonly Lazy<DataverseChoices> Choices = new(() => DataverseChoices.Parse(File.ReadAllText(ChoicesPath)));

    public static ServiceSchema FinOps => FinOpsSchema.Value;

    public static ServiceSchema Dataverse => DataverseSchema.Value;

    public static MapValidator Validator => new(FinOps, Dataverse, Choices.Value);

    public static IReadOnlyList<MapFile> StandardMaps => MapFile.ReadDirectory(MapsDirectory);

    public static MapFile Broken(string name) => new(name, File.ReadAllText(Path.Combine(BrokenDirectory, name)));

    /// <summary>The standard maps plus broken ones, so lookups into standard tables resolve as in real use.</summary>
    public static IReadOnlyList<ValidationIssue> ValidateWithStandardMaps(params string[] brokenFiles) =>
        Validator.Validate(StandardMaps.Concat(brokenFiles.Select(Broken)).ToList());

    private static ServiceSchema Schema(ServiceSide side, string path)
    {
        var schema = MetadataReader.Parse(side, path, File.ReadAllText(path), out var errors);
        return schema ?? throw new InvalidOperationException(path + " does not parse: " + string.Join("; ", errors));
    }
}
