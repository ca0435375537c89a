using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Admin;
using DualWrite.Listener.Conflicts;

namespace DualWrite.Listener.Commands;

/// <summary>
/// <c>dualwrite conflicts list|show|resolve</c>: conflicts held for a person, through a running listener (<c>--url</c>) or
/// the configured state store (resolving then needs F&amp;O and Dataverse configured). Both call <see cref="ConflictOperations"/>.
/// </summary>
internal static class ConflictsCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("conflicts", "Conflicts held for review: both sides changed a record and the map says a person decides. " + AdminExitCodes.Help);
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Show(output));
        command.Subcommands.Add(Resolve(output));
        return command;
    }

    private static Command List(TextWriter output)
    {
        var options = new AdminCommandOptions();
        var limit = new Option<int>("--limit") { Description = "At most this many (default 100).", DefaultValueFactory = _ => ConflictOperations.DefaultLimit };
        var command = options.AddTo(new Command("list", "List the open conflicts, oldest first.") { limit });
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, options, output, false, async (api, operations, print) =>
        {
            var result = api is not null
                ? await api.GetAsync<IReadOnlyList<ConflictView>>("api/conflicts?limit=" + parseResult.GetValue(limit).ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false)
                : await operations!.ListAsync(parseResult.GetValue(limit), cancellationToken).ConfigureAwait(false);
            return print.Write(result, conflicts => WriteList(print, conflicts));
        }, cancellationToken));
        return command;
    }

    private static Command Show(TextWriter output)
    {
        var options = new AdminCommandOptions();
        var id = new Argument<long>("id") { Description = "The conflict's id (from conflicts list)." };
        var command = options.AddTo(new Command("show", "Show one conflict: both versions and the last synced values.") { id });
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, options, output, false, async (api, operations, print) =>
        {
            var conflictId = parseResult.GetValue(id);
            var result = api is not null
                ? await api.GetAsync<ConflictView>("api/conflicts/" + conflictId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false)
                : await operations!.ShowAsync(conflictId, cancellationToken).ConfigureAwait(false);
            return print.Write(result, conflict => WriteConflict(print, conflict));
        }, cancellationToken));
        return command;
    }

    private static Command Resolve(TextWriter output)
    {
        var options = new AdminCommandOptions();
        var id = new Argument<long>("id") { Description = "The conflict to resolve." };
        var take = new Option<string>("--take") { Description = "fno: F&O's values win; dataverse: Dataverse's win; merged: both sides' changes, Dataverse's where both changed a field.", Required = true, HelpName = "fno|dataverse|merged" };
        var command = options.AddTo(new Command("resolve", "Write the chosen values to the other side, then mark the conflict resolved.") { id, take });
        command.SetAction((parseResult, cancellationToken) =>
        {
            var text = parseResult.GetValue(take);
            if (!ConflictTakeNames.TryParse(text, out var choice))
            {
                return Task.FromResult(new AdminOutput(output, parseResult.GetValue(options.Json)).Problem(OperationProblemKind.BadRequest, "--take must be " + ConflictTakeNames.Accepted + " (is '" + text + "')."));
            }

            return RunAsync(parseResult, options, output, true, async (api, operations, print) =>
            {
                var conflictId = parseResult.GetValue(id);
                var result = api is not null
                    ? await api.PostAsync<ConflictView>("api/conflicts/" + conflictId.ToString(CultureInfo.InvariantCulture) + "/resolve", new ConflictResolveRequest(ConflictTakeNames.Name(choice)), cancellationToken).ConfigureAwait(false)
                    : await operations!.ResolveAsync(conflictId, choice, cancellationToken).ConfigureAwait(false);
                return print.Write(result, conflict => print.Line("Conflict " + conflict.Id + " (" + conflict.Map + ", " + conflict.Key + ") resolved: " + conflict.Resolution + "."));
            }, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parseResult,
        AdminCommandOptions options,
        TextWriter output,
        bool withServices,
        Func<AdminApiClient?, ConflictOperations?, AdminOutput, Task<int>> action,
        CancellationToken cancellationToken)
    {
        var print = new AdminOutput(output, parseResult.GetValue(options.Json));
        var (client, problem) = options.Connect(parseResult);
        if (problem is not null)
        {
            return print.Problem(OperationProblemKind.BadRequest, problem);
        }

        if (client is not null)
        {
            using (client)
            {
                return await action(client, null, print).ConfigureAwait(false);
            }
        }

        var (host, openProblem) = await AdminStoreHost.OpenAsync(ErrorsCommand.ConfigurationArguments(parseResult), withServices, cancellationToken).ConfigureAwait(false);
        if (host is null)
        {
            return print.Problem(OperationProblemKind.Failed, openProblem!);
        }

        await using (host)
        {
            return await action(null, host.ConflictOperations(), print).ConfigureAwait(false);
        }
    }

    private static void WriteList(AdminOutput print, IReadOnlyList<ConflictView> conflicts)
    {
        if (conflicts.Count == 0)
        {
            print.Line("No open conflicts.");
            return;
        }

        print.Table(
            ["id", "map", "key", "queued", "reason"],
            conflicts.Select(c => (IReadOnlyList<string>)[c.Id.ToString(CultureInfo.InvariantCulture), c.Map, c.Key, AdminOutput.Time(c.CreatedAt), AdminOutput.Short(c.Reason)]));
    }

    private static void WriteConflict(AdminOutput print, ConflictView c)
    {
        print.Line("Conflict " + c.Id.ToString(CultureInfo.InvariantCulture) + (c.ResolvedAt is null ? " (open)" : " (resolved: " + c.Resolution + " at " + AdminOutput.Time(c.ResolvedAt) + ")"));
        print.Line("  map:    " + c.Map);
        print.Line("  key:    " + c.Key);
        print.Line("  queued: " + AdminOutput.Time(c.CreatedAt) + (c.EventId is null ? string.Empty : " (event " + c.EventId + ")"));
        print.Line("  reason: " + c.Reason);
        print.Line("  F&O:         " + (c.FinOps?.ToJsonString() ?? "-"));
        print.Line("  Dataverse:   " + (c.Dataverse?.ToJsonString() ?? "-"));
        print.Line("  last synced: " + (c.LastSynced?.ToJsonString() ?? "-"));
    }
}
