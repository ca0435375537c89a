using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Keys;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.OData;
using DualWrite.Listener.Hosting;
using DualWrite.Listener.Bulk.InitialSync;
using DualWrite.Listener.Bulk.Reports;
using DualWrite.Listener.ErrorQueue;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DualWrite.Embedded;

/// <summary>
/// The embedded default (<c>dotnet run --project Embedded/DualWrite.Embedded</c>): both emulators in this process,
/// our plug-in steps in the Dataverse one, the listener registered for F&amp;O events, an initial sync of the seed in map dependency order, then
/// live sync, with the URLs and curl commands to watch a change travel each way.
/// </summary>
public static class EmbeddedRun
{
    private const int FailuresShown = 5;

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();

        var options = configuration.GetSection(EmbeddedOptions.SectionName).Get<EmbeddedOptions>() ?? new EmbeddedOptions();
        // A folder that outlives the process: what the inbox acknowledged is still there after a restart or a crash.
        var dataDirectory = Path.GetFullPath(configuration["DualWrite:Inbox:DataDirectory"] is { Length: > 0 } given ? given : options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        await output.WriteLineAsync("DualWrite, embedded default: F&O and Dataverse emulators, the plug-in and the listener in this process.").ConfigureAwait(false);
        EmbeddedEmulators emulators;
        RunningListener listener;
        try
        {
            emulators = await EmbeddedEmulators.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            return await PortBusyAsync(output, ex).ConfigureAwait(false);
        }

        await using var emulatorsScope = emulators;
        try
        {
            // The emulators live in this process and start from their seed, and the initial sync below reloads every map at
            // each start: that is this run's catch-up, so the listener's own (which would load the same maps) stays off.
            var arguments = emulators.ListenerArguments(options.ListenerUrls, dataDirectory).Append("--DualWrite:Recovery:Enabled=false").Concat(args).ToList();
            listener = await RunningListener.StartAsync(arguments, null, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            return await PortBusyAsync(output, ex).ConfigureAwait(false);
        }

        try
        {
            emulators.RegisterListener(listener.EventsUrl);
            await output.WriteLineAsync("  F&O emulator        " + emulators.FinOps.DataAddress).ConfigureAwait(false);
            await output.WriteLineAsync("  Dataverse emulator  " + emulators.Dataverse.ServiceRoot).ConfigureAwait(false);
            await output.WriteLineAsync("  Listener            " + listener.EventsUrl).ConfigureAwait(false);
            await output.WriteLineAsync("  Inbox and state     " + dataDirectory + " (kept across restarts; --DualWrite:Embedded:DataDirectory=<folder> moves it)").ConfigureAwait(false);
            await output.WriteLineAsync("  Dashboard           " + new Uri(listener.EventsUrl, "/")).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);

            // The emulators start from their seed every run, so every map loads from its first row, whatever an earlier run left.
            var report = await listener.Services.GetRequiredService<InitialSyncEngine>().RunAsync(InitialSyncRequest.All with { Mode = InitialSyncMode.Restart }, null, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync("Initial sync, F&O to Dataverse, in dependency waves (" + report.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s):").ConfigureAwait(false);
            foreach (var line in InitialSyncSummaryText.Lines(report))
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            // Every failure is in the error store; the first few show here.
            var errors = await listener.Services.GetRequiredService<IErrorQueue>().GetRecordErrorsAsync(report.RunId, FailuresShown, cancellationToken).ConfigureAwait(false);
            foreach (var error in errors)
            {
                await output.WriteLineAsync("      " + error.Map + " " + error.RecordKey + (error.Field is null ? string.Empty : " (" + error.Field + ")") + ": " + error.Reason).ConfigureAwait(false);
            }

            if (report.Failed > errors.Count)
            {
                await output.WriteLineAsync("      ... and " + (report.Failed - errors.Count).ToString(CultureInfo.InvariantCulture) + " more").ConfigureAwait(false);
            }

            await output.WriteLineAsync().ConfigureAwait(false);
            await WriteTryItAsync(output, emulators, listener, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync("Syncing live. Ctrl+C to stop.").ConfigureAwait(false);
            await listener.App.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            await listener.StopAsync().ConfigureAwait(false);
        }
    }

    private static async Task WriteTryItAsync(TextWriter output, EmbeddedEmulators emulators, RunningListener listener, CancellationToken cancellationToken)
    {
        var dataverse = listener.Services.GetRequiredService<DataverseClient>();
        var company = await dataverse.FindIdAsync("cdm_companies(cdm_companycode=" + ODataLiteral.Format("USMF") + ")", "cdm_company", cancellationToken).ConfigureAwait(false);
        var accounts = await dataverse.QueryPageAsync("accounts", new ODataQuery { Select = new[] { "accountid", "accountnumber", "name" }, Filter = "_msdyn_company_value eq " + ODataLiteral.Format(company.Value), OrderBy = "accountnumber", Top = 1 }, null, cancellationToken).ConfigureAwait(false);
        var account = accounts.Succeeded && accounts.Value!.Rows.Count > 0 ? accounts.Value.Rows[0] : null;
        var number = account?["accountnumber"]?.GetValue<string>() ?? "US-001";
        var id = account?["accountid"]?.GetValue<string>() ?? "<accountid>";
        var finOps = emulators.FinOps.BaseAddress.AbsoluteUri.TrimEnd('/');
        var dv = emulators.Dataverse.BaseAddress.AbsoluteUri.TrimEnd('/');
        var lines = new[]
        {
            "Try it from another terminal:",
            "  token() { curl -s -d grant_type=client_credentials -d client_id=" + DefaultEmulatorClient.ClientId + " -d client_secret=" + DefaultEmulatorClient.ClientSecret + " -d scope=$1/.default $1/" + DefaultEmulatorClient.Tenant + "/oauth2/v2.0/token | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/'; }",
            "  FINOPS=$(token " + finOps + "); DV=$(token " + dv + ")",
            string.Empty,
            "  # F&O -> Dataverse: rename customer " + number + " in F&O (a business event reaches the listener), then read the account",
            "  curl -s -X PATCH -H \"Authorization: Bearer $FINOPS\" -H 'Content-Type: application/json' -d '{\"OrganizationName\":\"Renamed in F&O\"}' \"" + finOps + "/data/CustomersV3(dataAreaId='usmf',CustomerAccount=" + ODataLiteral.Format(number) + ")?cross-company=true\"",
            "  curl -s -H \"Authorization: Bearer $DV\" \"" + dv + "/api/data/v9.2/accounts(" + id + ")?\\$select=name\"",
            string.Empty,
            "  # Dataverse -> F&O: rename the account in Dataverse (the plug-in writes it through), then read the customer",
            "  curl -s -X PATCH -H \"Authorization: Bearer $DV\" -H 'Content-Type: application/json' -H 'If-Match: *' -d '{\"name\":\"Renamed in Dataverse\"}' \"" + dv + "/api/data/v9.2/accounts(" + id + ")\"",
            "  curl -s -H \"Authorization: Bearer $FINOPS\" \"" + finOps + "/data/CustomersV3(dataAreaId='usmf',CustomerAccount=" + ODataLiteral.Format(number) + ")?cross-company=true&\\$select=OrganizationName\"",
            string.Empty,
        };
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    /// <summary>Kestrel could not bind (another run, say): say which setting moves it instead of a stack trace.</summary>
    private static async Task<int> PortBusyAsync(TextWriter output, IOException exception)
    {
        await output.WriteLineAsync("Cannot start: " + exception.Message).ConfigureAwait(false);
        await output.WriteLineAsync("Another run may hold the ports. Choose others (0 = any free port): --DualWrite:Embedded:FinOpsPort=0 --DualWrite:Embedded:DataversePort=0 --DualWrite:Embedded:ListenerUrls=http://127.0.0.1:0").ConfigureAwait(false);
        return 2;
    }
}
