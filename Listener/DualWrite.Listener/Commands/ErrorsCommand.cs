using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Admin;
using DualWrite.Listener.ErrorQueue;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Listener.Commands;

/// <summary>
/// <c>dualwrite errors list|show|retry|discard</c>: the error queue, through a running listener (<c>--url</c>) or the
/// configured state store. Both call <see cref="ErrorOperations"/>, so they behave the same.
/// </summary>
internal static class ErrorsCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("errors", "The error queue: records that failed for good, until retried or discarded. " + AdminExitCodes.Help);
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Show(output));
        command.Subcommands.Add(Retry(output));
        command.Subcommands.Add(Discard(output));
        return command;
    }

    private static Command List(TextWriter output)
    {
        var options = new AdminCommandOptions();
        var map = new Option<string?>("--map") { Description = "Only this map's errors.", HelpName = "name" };
        var limit = new Option<int>("--limit") { Description = "At most this many (default 100).", DefaultValueFactory = _ => ErrorOperations.DefaultLimit };
        var all = new Option<bool>("--all") { Description = "Include resolved and discarded entries (kept for DualWrite:ErrorQueue:RetentionDays)." };
        var command = options.AddTo(new Command("list", "List the open errors, newest failure first.") { map, limit, all });
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, options, output, false, async (api, operations, print) =>
        {
            var result = api is not null
                ? await api.GetAsync<IReadOnlyList<ErrorEntry>>(
                    "api/errors?limit=" + parseResult.GetValue(limit).ToString(CultureInfo.InvariantCulture)
                    + (parseResult.GetValue(map) is { } name ? "&map=" + Uri.EscapeDataString(name) : string.Empty)
                    + (parseResult.GetValue(all) ? "&all=true" : string.Empty),
                    cancellationToken).ConfigureAwait(false)
                : await operations!.ListAsync(parseResult.GetValue(map), parseResult.GetValue(limit), parseResult.GetValue(all), cancellationToken).ConfigureAwait(false);
            return print.Write(result, entries => WriteList(print, entries));
        }, cancellationToken));
        return command;
    }

    private static Command Show(TextWriter output)
    {
        var options = new AdminCommandOptions();
        var id = new Argument<long>("id") { Description = "The error's id (from errors list)." };
        var command = options.AddTo(new Command("show", "Show one error with the other system's full reason.") { id });
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, options, output, false, async (api, operations, print) =>
        {
            var errorId = parseResult.GetValue(id);
            var result = api is not null
                ? await api.GetAsync<ErrorEntry>("api/errors/" + errorId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false)
                : await operations!.ShowAsync(errorId, cancellationToken).ConfigureAwait(false);
            return print.Write(result, entry => WriteEntry(print, entry));
        }, cancellationToken));
        return command;
    }

    private static Command Retry(TextWriter output)
    {
        var options = new AdminCommandOptions();
        // A string: with --map or --all the parser hands a configuration override (--DualWrite:...) to this optional argument.
        var id = new Argument<string?>("id") { Description = "The error to retry.", Arity = ArgumentArity.ZeroOrOne };
        var map = new Option<string?>("--map") { Description = "Retry every open error of this map.", HelpName = "name" };
        var all = new Option<bool>("--all") { Description = "Retry every open error." };
        var command = options.AddTo(new Command("retry", "Send errors back through the ordered path: ID, --map NAME or --all.") { id, map, all });
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, options, output, false, async (api, operations, print) =>
        {
            var idText = parseResult.GetValue(id);
            long? errorId = null;
            if (idText is not null && !idText.StartsWith("--", StringComparison.Ordinal))
            {
                if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    return print.Problem(OperationProblemKind.BadRequest, "The error ID must be a number (is '" + idText + "').");
                }

                errorId = parsed;
            }

            var mapName = parseResult.GetValue(map);
            var everything = parseResult.GetValue(all);
            if ((errorId is null ? 0 : 1) + (mapName is null ? 0 : 1) + (everything ? 1 : 0) != 1)
            {
                return print.Problem(OperationProblemKind.BadRequest, "Name exactly one of: an error ID, --map NAME, --all.");
            }

            if (errorId is { } one)
            {
                var result = api is not null
                    ? await api.PostAsync<ErrorEntry>("api/errors/" + one.ToString(CultureInfo.InvariantCulture) + "/retry", null, cancellationToken).ConfigureAwait(false)
                    : await operations!.RetryAsync(one, cancellationToken).ConfigureAwait(false);
                return print.Write(result, entry => print.Line("Error " + entry.Id + " (" + entry.Map + ", " + entry.Key + ") sent back as event " + entry.EventId + "; it is " + entry.Status.ToString().ToLowerInvariant() + "."));
            }

            var many = api is not null
                ? await api.PostAsync<RetrySummary>("api/errors/retry", new ErrorRetryRequest(mapName, everything), cancellationToken).ConfigureAwait(false)
                : await operations!.RetryManyAsync(mapName, cancellationToken).ConfigureAwait(false);
            var code = print.Write(many, summary =>
            {
                print.Line("Retried " + summary.Retried.Count.ToString(CultureInfo.InvariantCulture) + " error(s)" + (summary.Retried.Count == 0 ? "." : ": " + string.Join(", ", summary.Retried) + "."));
                foreach (var reason in summary.NotRetried)
                {
                    print.Line("not retried: " + reason);
                }
            });
            return code == AdminExitCodes.Succeeded && many.Value!.NotRetried.Count > 0 ? AdminExitCodes.Failed : code;
        }, cancellationToken));
        return command;
    }

    private static Command Discard(TextWriter output)
    {
        var options = new AdminCommandOptions();
        var id = new Argument<long>("id") { Description = "The error to discard." };
        var reason = new Option<string?>("--reason") { Description = "Why (kept with the entry).", HelpName = "text" };
        var command = options.AddTo(new Command("discard", "Drop an error: its record's later events proceed.") { id, reason });
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, options, output, false, async (api, operations, print) =>
        {
            var errorId = parseResult.GetValue(id);
            var result = api is not null
                ? await api.PostAsync<ErrorEntry>("api/errors/" + errorId.ToString(CultureInfo.InvariantCulture) + "/discard", new ErrorDiscardRequest(parseResult.GetValue(reason)), cancellationToken).ConfigureAwait(false)
                : await operations!.DiscardAsync(errorId, parseResult.GetValue(reason), cancellationToken).ConfigureAwait(false);
            return print.Write(result, entry => print.Line("Error " + entry.Id + " (" + entry.Map + ", " + entry.Key + ") discarded: " + entry.Resolution));
        }, cancellationToken));
        return command;
    }

    /// <summary>Connects to the API or opens the store, runs <paramref name="action"/>, and maps what goes wrong to an exit code.</summary>
    internal static async Task<int> RunAsync(
        ParseResult parseResult,
        AdminCommandOptions options,
        TextWriter output,
        bool withServices,
        Func<AdminApiClient?, ErrorOperations?, AdminOutput, Task<int>> action,
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

        var (host, openProblem) = await AdminStoreHost.OpenAsync(ConfigurationArguments(parseResult), withServices, cancellationToken).ConfigureAwait(false);
        if (host is null)
        {
            return print.Problem(OperationProblemKind.Failed, openProblem!);
        }

        await using (host)
        {
            return await action(null, host.Services.GetRequiredService<ErrorOperations>(), print).ConfigureAwait(false);
        }
    }

    /// <summary>The configuration overrides: unmatched tokens, and one an optional argument took (<c>--DualWrite:...=...</c>).</summary>
    internal static string[] ConfigurationArguments(ParseResult parseResult)
    {
        var taken = parseResult.CommandResult.Tokens
            .Where(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && t.Value.StartsWith("--", StringComparison.Ordinal))
            .Select(t => t.Value);
        return taken.Concat(parseResult.UnmatchedTokens).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static void WriteList(AdminOutput print, IReadOnlyList<ErrorEntry> entries)
    {
        if (entries.Count == 0)
        {
            print.Line("No errors.");
            return;
        }

        print.Table(
            ["id", "map", "direction", "key", "status", "attempts", "last failure", "reason"],
            entries.Select(e => (IReadOnlyList<string>)
            [
                e.Id.ToString(CultureInfo.InvariantCulture), e.Map, Direction(e.Direction), e.Key, e.Status.ToString().ToLowerInvariant(),
                e.Attempts.ToString(CultureInfo.InvariantCulture), AdminOutput.Time(e.LastFailureAt), AdminOutput.Short(e.Reason),
            ]));
    }

    private static void WriteEntry(AdminOutput print, ErrorEntry e)
    {
        print.Line("Error " + e.Id.ToString(CultureInfo.InvariantCulture) + " (" + e.Status.ToString().ToLowerInvariant() + ")");
        print.Line("  map:           " + e.Map + " (" + Direction(e.Direction) + ")");
        print.Line("  key:           " + e.Key);
        print.Line("  source:        " + (e.Source == ErrorSource.Event ? "change event " + e.EventId : "bulk run" + (e.EventId is null ? string.Empty : ", retried as event " + e.EventId)));
        print.Line("  attempts:      " + e.Attempts.ToString(CultureInfo.InvariantCulture));
        print.Line("  first failure: " + AdminOutput.Time(e.FirstFailureAt));
        print.Line("  last failure:  " + AdminOutput.Time(e.LastFailureAt));
        if (e.BlockedEvents > 0)
        {
            print.Line("  waiting:       " + e.BlockedEvents.ToString(CultureInfo.InvariantCulture) + " later event(s) of this record wait behind it");
        }

        if (e.Resolution is not null)
        {
            print.Line("  resolution:    " + e.Resolution + " at " + AdminOutput.Time(e.ResolvedAt));
        }

        print.Line("  reason:");
        foreach (var line in e.Reason.Split('\n'))
        {
            print.Line("    " + line.TrimEnd());
        }
    }

    private static string Direction(string direction) => direction switch
    {
        "FinOpsToDataverse" => "F&O → Dataverse",
        "DataverseToFinOps" => "Dataverse → F&O",
        _ => direction,
    };
}
