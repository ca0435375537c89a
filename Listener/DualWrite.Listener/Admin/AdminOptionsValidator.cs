using System;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Admin;

/// <summary>
/// Refuses to start the admin API (and the dashboard) without a key on an address other machines can reach:
/// without a key the only protection is "loopback callers only", which behind a proxy or a port forward on
/// the same machine is no protection at all.
/// </summary>
public sealed class AdminOptionsValidator(IConfiguration configuration) : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.HasApiKey)
        {
            return ValidateOptionsResult.Success;
        }

        var reachable = ListenAddresses.Configured(configuration).Where(url => !ListenAddresses.IsLoopback(url)).ToList();
        return reachable.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                AdminOptions.SectionName + ":ApiKey must be set when the listener listens on a non-loopback address ("
                + string.Join(", ", reachable) + "): the admin API and the dashboard would be reachable without authentication. "
                + "Set DUALWRITE__ADMIN__APIKEY (or ApiKey in a secrets file), or listen on 127.0.0.1 only.");
    }
}
