using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.MapValidation.Metadata;

namespace DualWrite.MapValidation.Validation;

/// <summary>
/// <c>dualwrite maps validate</c> end to end: reads both metadata documents (file or URL), the
/// Dataverse choices file and every map in a folder, and returns every issue found.
/// </summary>
public static class MapValidationRunner
{
    /// <summary>The choices file looked for next to a Dataverse metadata file when none is named.</summary>
    public const string DefaultChoicesFileName = "dataverse-choices.json";

    public static async Task<IReadOnlyList<ValidationIssue>> RunAsync(
        string mapsDirectory,
        string finOpsMetadata,
        string dataverseMetadata,
        string? choicesFile = null,
        HttpClient? http = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapsDirectory);
        var issues = new List<ValidationIssue>();
        var finOps = await ReadSchemaAsync(ServiceSide.FinOps, finOpsMetadata, http, issues, cancellationToken).ConfigureAwait(false);
        var dataverse = await ReadSchemaAsync(ServiceSide.Dataverse, dataverseMetadata, http, issues, cancellationToken).ConfigureAwait(false);
        var choices = await ReadChoicesAsync(choicesFile ?? DefaultChoicesFile(dataverseMetadata), choicesFile is not null, issues, cancellationToken).ConfigureAwait(false);

        IReadOnlyList<MapFile> files;
        try
        {
            files = MapFile.ReadDirectory(mapsDirectory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            issues.Add(new ValidationIssue(mapsDirectory, null, null, ValidationIssueCode.MapDoesNotLoad, "cannot read the maps folder: " + exception.Message));
            return issues;
        }

        if (finOps is not null && dataverse is not null)
        {
            issues.AddRange(new MapValidator(finOps, dataverse, choices).Validate(files));
        }

        return issues;
    }

    private static string? DefaultChoicesFile(string dataverseMetadata)
    {
        if (MetadataReader.IsUrl(dataverseMetadata))
        {
            return null;
        }

        var candidate = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataverseMetadata)) ?? ".", DefaultChoicesFileName);
        return File.Exists(candidate) ? candidate : null;
    }

    private static async Task<ServiceSchema?> ReadSchemaAsync(
        ServiceSide side, string location, HttpClient? http, List<ValidationIssue> issues, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await MetadataReader.ReadTextAsync(location, http, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or HttpRequestException)
        {
            issues.Add(new ValidationIssue(location, null, null, ValidationIssueCode.MetadataUnreadable, "cannot read $metadata: " + exception.Message));
            return null;
        }

        var schema = MetadataReader.Parse(side, location, text, out var errors);
        foreach (var error in errors)
        {
            issues.Add(new ValidationIssue(location, null, null, ValidationIssueCode.MetadataUnreadable, "not valid CSDL: " + error));
        }

        return schema;
    }

    private static async Task<DataverseChoices> ReadChoicesAsync(
        string? path, bool named, List<ValidationIssue> issues, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return DataverseChoices.None;
        }

        try
        {
            return DataverseChoices.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            issues.Add(new ValidationIssue(path, null, null, ValidationIssueCode.MetadataUnreadable,
                (named ? string.Empty : "(found next to the Dataverse metadata) ") + "cannot read the choices file: " + exception.Message));
            return DataverseChoices.None;
        }
    }
}
