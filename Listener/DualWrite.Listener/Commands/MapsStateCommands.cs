using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using DualWrite.Listener.Admin;
using DualWrite.Listener.MapStates;

namespace DualWrite.Listener.Commands;

/// <summary>
/// <c>dualwrite maps list|start|pause|resume|stop NAME [--reason R] [--json] [--url URL [--api-key KEY]]</c>: with
/// --url they call a running listener's admin API, without it they open the configured state store directly; both go
/// through the same MapOperations.
/// </summary>
internal static class MapsStateCommands
{
    private static readonly (string Name, string Description)[] Operations =
    [
        ("start", "Start a stopped map: its changes are synced again from now on (run initial-sync or reconcile for what changed while it was stopped)."),
        ("pause", "Pause a map: its events keep being received and stored (no cap but the disk), none is applied."),
        ("resume", "Resume a paused map: it catches up on its backlog in order, then turns running by itself."),
        ("stop", "Stop a map: its changes are not synced (events for it are dropped) until it is started again."),
    ];

    public static IEnumerable<Command> Create(TextWriter output)
    {
        yield return Command("list", "List the maps with their state, backlog, failed events and lag.", null, output);
        foreach (var (name, description) in Operations)
        {
            yield return Command(name, description, name, output);
        }
    }

    private static Command Command(string name, string description, string? operation, TextWriter output)
    {
        var map = new Argument<string>("NAME") { Description = "The map's name, as in its map file (any case)." };
        var reason = new Option<string?>("--reason") { Description = "Why: kept with the state and shown in maps list (at most " + MapReason.MaxLength + " characters)." };
        reason.Validators.Add(result =>
        {
            if (MapReason.Problem(result.GetValueOrDefault<string?>()) is { } tooLong)
            {
                result.AddError("--reason: " + tooLong);
            }
        });
        var json = new Option<bool>("--json") { Description = "Print JSON on stdout." };
        var url = new Option<string?>("--url") { Description = "A running listener's base URL (http://localhost:5000): act through its admin API instead of the store.", HelpName = "url" };
        var apiKey = new Option<string?>("--api-key") { Description = "The admin key for --url (default: the " + AdminApiClient.ApiKeyVariable + " environment variable).", HelpName = "key" };
        var command = new Command(name, description + " " + MapsExitCodes.Text);
        if (operation is not null)
        {
            command.Add(map);
            command.Add(reason);
        }

        command.Add(json);
        command.Add(url);
        command.Add(apiKey);

        // Configuration overrides (--DualWrite:Inbox:...) pass through as unmatched tokens.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, cancellationToken) =>
        {
            var text = parseResult.GetValue(url);
            Uri? target = null;
            if (text is not null && (!Uri.TryCreate(text, UriKind.Absolute, out target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)))
            {
                output.WriteLine("--url must be an absolute http(s) URL such as http://localhost:5080, not '" + text + "'.");
                return System.Threading.Tasks.Task.FromResult(MapsExitCodes.BadInput);
            }

            var request = new MapsStateRequest(
                operation,
                operation is null ? null : parseResult.GetValue(map),
                operation is null ? null : parseResult.GetValue(reason),
                parseResult.GetValue(json),
                target,
                parseResult.GetValue(apiKey),
                parseResult.UnmatchedTokens.ToArray());
            return MapsStateRun.RunAsync(request, output, cancellationToken);
        });
        return command;
    }
}
