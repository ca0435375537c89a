using System;
using System.Collections.Generic;
using System.IO;
using DualWrite.MapValidation.Metadata;
using DualWrite.MapValidation.Validation;

namespace DualWrite.Corpus.Tests.Maps;

/// <summary>The shipped maps and both sides' metadata (copied beside the tests), parsed once.</summary>
public static class StandardMetadata
{
    public static string MapsDirectory => Path.Combine(AppContext.BaseDirectory, "maps");

    public static string FinOpsPath => Path.Combine(MapsDirectory, "metadata", "fno.xml");

    public static string DataversePath => Path.Combine(MapsDirectory, "metadata", "dataverse.xml");

    public static string ChoicesPath => Path.Combine(MapsDirectory, "metadata", "dataverse-choices.json");

    private static readonly Lazy<MapValidator> Shared = new(() => new MapValidator(
        Schema(ServiceSide.FinOps, FinOpsPath), Schema(ServiceSide.Dataverse, DataversePath), DataverseChoices.Parse(File.ReadAllText(ChoicesPath))));

    public static MapValidator Validator => Shared.Value;

    public static IReadOnlyList<MapFile> StandardMaps => MapFile.ReadDirectory(MapsDirectory);

    private static ServiceSchema Schema(ServiceSide side, string path) =>
        MetadataReader.Parse(side, path, File.ReadAllText(path), out var errors) ?? throw new InvalidDataException(path + ": " + string.Join("; ", errors));
}
