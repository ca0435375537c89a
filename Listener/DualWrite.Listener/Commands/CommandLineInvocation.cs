using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Commands;

/// <summary>
/// Runs the <c>dualwrite</c> command line. A command line that does not parse, or carries an option no command
/// knows, runs nothing: every problem goes to standard error and the exit code is 2, the code every command
/// documents for bad input (System.CommandLine alone answers 1, which the commands use for a failed operation).
/// </summary>
internal static class CommandLineInvocation
{
    public const int BadInput = 2;

    // ASP.NET Core's own host settings, given without a section (--urls http://...): configuration, not typos.
    private static readonly HashSet<string> HostSettings = new(StringComparer.OrdinalIgnoreCase) { "urls", "environment", "contentRoot", "applicationName" };

    public static async Task<int> InvokeAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        var parseResult = DualWriteCommandLine.Create(output).Parse(args);
        var problems = Problems(parseResult);
        if (problems.Count == 0)
        {
            return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
        }

        foreach (var problem in problems)
        {
            error.WriteLine(problem);
        }

        error.WriteLine("Run '" + CommandPath(parseResult.CommandResult) + " --help' for its arguments and options. Nothing was done.");
        return BadInput;
    }

    /// <summary>
    /// The parser's errors, every token that looks like an option but is neither one nor a configuration override,
    /// every stray argument, and a setting a required argument took for its value.
    /// </summary>
    internal static IReadOnlyList<string> Problems(ParseResult parseResult)
    {
        var problems = parseResult.Errors.Select(e => e.Message).ToList();
        var commandResult = parseResult.CommandResult;
        var command = CommandPath(commandResult);
        var expectsValue = false;
        foreach (var token in parseResult.UnmatchedTokens)
        {
            if (expectsValue && !token.StartsWith('-'))
            {
                // The value of "--DualWrite:Section:Key value".
                expectsValue = false;
                continue;
            }

            expectsValue = IsSettingWithoutValue(token);
            if (UnknownOption(token))
            {
                problems.Add("Unknown option '" + token + "' for '" + command + "'. Configuration overrides name their section: --DualWrite:Section:Key=value.");
            }
            else if (!token.StartsWith('-'))
            {
                problems.Add(commandResult.Command is RootCommand
                    ? "'" + token + "' is not a dualwrite command; the commands are: " + string.Join(", ", commandResult.Command.Subcommands.Select(c => c.Name)) + "."
                    : "Unexpected argument '" + token + "' for '" + command + "'.");
            }
        }

        foreach (var argument in commandResult.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens.Select(t => t.Value))
            {
                if (UnknownOption(token))
                {
                    problems.Add("Unknown option '" + token + "' for '" + command + "'.");
                }
                else if (token.StartsWith("--", StringComparison.Ordinal) && argument.Argument.Arity.MinimumNumberOfValues > 0)
                {
                    problems.Add("Required argument '" + argument.Argument.Name + "' missing for '" + command + "': '" + token + "' is a setting, not its value.");
                }
            }
        }

        return problems.Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool IsSettingWithoutValue(string token) =>
        token.StartsWith("--", StringComparison.Ordinal) && !token.Contains('=', StringComparison.Ordinal)
        && (token.Contains(':', StringComparison.Ordinal) || HostSettings.Contains(token[2..]));

    /// <summary>
    /// --name or -x without a section: no configuration key (those are --DualWrite:Inbox:DataDirectory=...), so a typo
    /// that would otherwise be silently ignored (<c>--limt 5</c>). Negative numbers are values, not options.
    /// </summary>
    private static bool UnknownOption(string token)
    {
        if (token.StartsWith("--", StringComparison.Ordinal))
        {
            var name = token[2..].Split('=', 2)[0];
            return name.Length > 0 && !name.Contains(':', StringComparison.Ordinal) && !HostSettings.Contains(name);
        }

        return token.Length > 1 && token[0] == '-' && !char.IsDigit(token[1]) && token[1] != '.';
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult commandResult)
            {
                names.Add(commandResult.Command is RootCommand ? "dualwrite" : commandResult.Command.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
