using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace DualWrite.TestSupport.Processes;

/// <summary>
/// One emulator as its own process on a free loopback port (<c>--port 0 --quiet</c>): started, waited for until it
/// prints its address, and stopped on dispose. Fresh per measurement, so no run sees another's data.
/// </summary>
public sealed partial class EmulatorProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private EmulatorProcess(ChildProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }

    /// <summary>The emulator's token authority (the default tenant), as the listener's Authority setting.</summary>
    public Uri Authority => new(BaseAddress, "emulator");

    public int ProcessId => _process.Id;

    public static Task<EmulatorProcess> StartFinOpsAsync(BuildOutputs outputs, int customers, IEnumerable<string>? more = null)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var arguments = new List<string> { "--port", "0", "--quiet", "--customers", customers.ToString(CultureInfo.InvariantCulture) };
        arguments.AddRange(more ?? []);
        return StartAsync("F&O emulator", outputs.FinOpsEmulator, arguments);
    }

    /// <summary>The reference data (companies, currencies, groups, payment terms) and no accounts, unless <paramref name="accounts"/>.</summary>
    public static Task<EmulatorProcess> StartDataverseAsync(BuildOutputs outputs, int accounts = 0, IEnumerable<string>? more = null)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var arguments = new List<string> { "--port", "0", "--quiet", "--customers", accounts.ToString(CultureInfo.InvariantCulture) };
        arguments.AddRange(more ?? []);
        return StartAsync("Dataverse emulator", outputs.DataverseEmulator, arguments);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static async Task<EmulatorProcess> StartAsync(string name, string assembly, IReadOnlyList<string> arguments)
    {
        var process = ChildProcess.Start(name, assembly, arguments);
        try
        {
            // Both emulators print "Token: POST http://127.0.0.1:PORT/emulator/oauth2/v2.0/token ..." once listening.
            var line = await process.WaitForLineAsync(l => l.StartsWith("Token: POST ", StringComparison.Ordinal), TimeSpan.FromMinutes(5)).ConfigureAwait(false);
            var match = BaseAddressPattern().Match(line);
            if (!match.Success)
            {
                throw new InvalidOperationException(name + " printed no address: " + line);
            }

            return new EmulatorProcess(process, new Uri(match.Value));
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex BaseAddressPattern();
}
