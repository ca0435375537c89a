using System;
using System.CommandLine;
using DualWrite.Listener.Admin;

namespace DualWrite.Listener.Commands;

/// <summary>
/// The options every admin command takes: <c>--url</c> (act through a running listener's admin API, key from
/// <c>--api-key</c> or <c>DUALWRITE_ADMIN_KEY</c>; without it, the configured state store is opened directly) and <c>--json</c>.
/// </summary>
internal sealed class AdminCommandOptions
{
    public Option<string?> Url { get; } = new("--url") { Description = "A running listener's address (http://127.0.0.1:5080): act through its admin API. Without it, the configured state store is opened directly.", HelpName = "url" };

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "The admin key for --url (default: the DUALWRITE_ADMIN_KEY environment variable).", HelpName = "key" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON (the admin API's shape) instead of a table." };

    public Command AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Url);
        command.Options.Add(ApiKey);
        command.Options.Add(Json);

        // Configuration overrides (--DualWrite:Inbox:DataDirectory=...) pass through as unmatched tokens.
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }

    /// <summary>The API client when <c>--url</c> is given (null: use the store); a problem when the URL is not one.</summary>
    public (AdminApiClient? Client, string? Problem) Connect(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var url = parseResult.GetValue(Url);
        if (string.IsNullOrWhiteSpace(url))
        {
            return (null, null);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            return (null, "--url must be an http or https address such as http://127.0.0.1:5080 (is '" + url + "').");
        }

        var key = parseResult.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable(AdminApiClient.ApiKeyVariable);
        return (new AdminApiClient(address, key), null);
    }
}
