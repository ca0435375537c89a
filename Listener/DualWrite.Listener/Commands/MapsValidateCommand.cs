using System;
using System.CommandLine;
using System.IO;
using System.Net.Http;
using DualWrite.MapValidation.Validation;

namespace DualWrite.Listener.Commands;

/// <summary>
/// <c>dualwrite maps validate --maps &lt;dir&gt; --finops-metadata &lt;file|url&gt; --dataverse-metadata &lt;file|url&gt;</c>:
/// every issue one per line; exit code 0 when green, 1 when any issue was found (2: the command line itself is wrong).
/// </summary>
internal static class MapsValidateCommand
{
    public static Command Create(TextWriter output)
    {
        var maps = new Option<DirectoryInfo>("--maps") { Description = "The folder of map files (*.json).", Required = true };
        var finOpsMetadata = new Option<string>("--finops-metadata") { Description = "F&O $metadata: a file or an http(s) URL.", Required = true };
        var dataverseMetadata = new Option<string>("--dataverse-metadata") { Description = "Dataverse $metadata: a file or an http(s) URL.", Required = true };
        var choices = new Option<FileInfo?>("--dataverse-choices")
        {
            Description = "Dataverse choice values (JSON). Default: " + MapValidationRunner.DefaultChoicesFileName + " next to a Dataverse metadata file.",
        };

        var command = new Command("validate", "Check every map against both services' $metadata and report all issues at once.")
        {
            maps, finOpsMetadata, dataverseMetadata, choices,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
            var issues = await MapValidationRunner.RunAsync(
                parseResult.GetValue(maps)!.FullName,
                parseResult.GetValue(finOpsMetadata)!,
                parseResult.GetValue(dataverseMetadata)!,
                parseResult.GetValue(choices)?.FullName,
                http,
                cancellationToken).ConfigureAwait(false);
            return ValidationReport.Write(issues, output);
        });
        return command;
    }
}
