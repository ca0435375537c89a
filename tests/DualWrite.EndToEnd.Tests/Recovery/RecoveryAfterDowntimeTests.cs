using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Embedded;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Listener.Bulk.InitialSync;
using DualWrite.Listener.Bulk.Reports;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Clients.OData;
using DualWrite.Listener.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DualWrite.EndToEnd.Tests.Recovery;

/// <summary>
/// The listener as its own process, killed with SIGKILL and kept down longer than F&amp;O's delivery retries while F&amp;O
/// creates, updates and deletes customers (F&amp;O gives those events up), then started again: it notices the unclean
/// stop by itself and catches up, and every change reaches Dataverse, the latest value last, nothing twice, with no
/// operator action.
/// </summary>
public sealed class RecoveryAfterDowntimeTests(ITestOutputHelper output)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_listener_killed_for_longer_than_FinOps_retries_catches_up_by_itself_when_it_starts_again()
    {
        await using var emulators = await EmbeddedEmulators.StartAsync(new EmbeddedOptions { FinOpsPort = 0, DataversePort = 0, ListenerUrls = "http://127.0.0.1:0", Customers = 40 }, None);
        var dataDirectory = Directory.CreateTempSubdirectory("dualwrite-recovery-").FullName;
        try
        {
            await InitialSyncAsync(emulators, dataDirectory);
            var eventsUrl = new Uri("http://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture) + "/events");
            var settings = emulators.ListenerArguments(eventsUrl.GetLeftPart(UriPartial.Authority), dataDirectory).Concat(
            [
                "--DualWrite:Processing:InstanceName=recovering-listener",
                "--DualWrite:Processing:IdleRecheckInterval=00:00:00.500",
                "--DualWrite:Recovery:HeartbeatInterval=00:00:01",
                "--DualWrite:Recovery:StaleAfter=00:00:04",
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:DualWrite.Listener.Recovery=Information",
            ]).ToList();
            using var finOpsHttp = await emulators.FinOps.CreateAuthenticatedClientAsync();
            var finOps = new FinOpsClient(finOpsHttp, emulators.FinOps.DataAddress, TimeProvider.System);
            using var dataverse = await emulators.Dataverse.CreateAuthenticatedClientAsync();
            var customers = await OrganizationCustomersAsync(finOps);
            Assert.True(customers.Count >= 12, "the seed has enough organization customers");

            var first = await ListenerProcess.ListenAsync(eventsUrl, settings);
            await using (first)
            {
                emulators.RegisterListener(eventsUrl, "recovering-listener");
                await RenameAsync(finOps, customers[0], "Live before the kill");
                await Eventually.TrueAsync(async () => await NameInDataverseAsync(dataverse, customers[0]) == "Live before the kill", "a live change reaches Dataverse", TimeSpan.FromSeconds(30));

                first.Kill();
            }

            // Down: F&O changes records; each event is tried 4 times a second apart, then only listed as failed.
            var updated = customers.Skip(1).Take(5).ToList();
            var deleted = customers.Skip(6).Take(2).ToList();
            var created = Enumerable.Range(1, 2).Select(i => "US-RECOVERED-" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            foreach (var account in updated)
            {
                await RenameAsync(finOps, account, "Changed while down " + account);
            }

            await RenameAsync(finOps, updated[0], "Changed twice while down");
            foreach (var account in deleted)
            {
                Assert.True((await finOps.DeleteAsync(CustomerPath(account), None)).Succeeded);
            }

            foreach (var account in created)
            {
                var result = await finOps.CreateAsync("CustomersV3", new JsonObject
                {
                    ["dataAreaId"] = "usmf",
                    ["CustomerAccount"] = account,
                    ["OrganizationName"] = "Created while down " + account,
                    ["PartyType"] = "Organization",
                    ["CustomerGroupId"] = "10",
                    ["LanguageId"] = "en-us",
                    ["CreditLimit"] = 1000,
                    ["OnHoldStatus"] = "No",
                }, None);
                Assert.True(result.Succeeded, result.ToString());
            }

            var lost = updated.Count + 1 + deleted.Count + created.Count;
            // F&O delivers to an endpoint one event at a time: about 3 s of retries each.
            await Eventually.TrueAsync(() => Task.FromResult(emulators.FinOps.Control.Events.PendingDeliveries == 0), "F&O done with its deliveries", TimeSpan.FromSeconds(120));
            Assert.True(emulators.FinOps.Control.Events.ErrorLog.Entries.Count >= lost, "F&O gave up delivering every change made while the listener was down");

            var restarted = await ListenerProcess.ListenAsync(eventsUrl, settings);
            await using (restarted)
            {
                // A live change right after the restart, to a record the catch-up also covers: it lands after the catch-up's.
                await RenameAsync(finOps, updated[1], "Live after the restart");
                var started = await restarted.WaitForLineAsync("Catch-up starting after an unclean stop of this listener (recovering-listener", TimeSpan.FromSeconds(30));
                var done = await restarted.WaitForLineAsync("Catch-up done", TimeSpan.FromSeconds(90));
                output.WriteLine(started);
                output.WriteLine(done);
                Assert.Contains("Customers V3", started, StringComparison.Ordinal);
                Assert.Contains("2 removed", done, StringComparison.Ordinal);

                await Eventually.TrueAsync(async () => await NameInDataverseAsync(dataverse, updated[1]) == "Live after the restart", "the live change after the restart wins", TimeSpan.FromSeconds(30));
                Assert.Equal("Changed twice while down", await NameInDataverseAsync(dataverse, updated[0]));
                foreach (var account in updated.Skip(2))
                {
                    Assert.Equal("Changed while down " + account, await NameInDataverseAsync(dataverse, account));
                }

                foreach (var account in deleted)
                {
                    Assert.Equal(0, await CountInDataverseAsync(dataverse, account));
                }

                foreach (var account in created)
                {
                    Assert.Equal(1, await CountInDataverseAsync(dataverse, account));
                    Assert.Equal("Created while down " + account, await NameInDataverseAsync(dataverse, account));
                }

                // Record by record, both sides of the map agree: nothing missing, nothing extra, no field differs.
                var reconcile = await ListenerProcess.RunAsync(new[] { "reconcile", "--maps", "Customers V3", "--company", "usmf" }.Concat(settings), TimeSpan.FromMinutes(2));
                Assert.True(reconcile.ExitCode == 0, "reconcile found differences:" + Environment.NewLine + reconcile.Output);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // The OS temp cleaner gets it.
            }
        }
    }

    /// <summary>The initial sync, in a listener host of this process that then stops cleanly (no catch-up owed).</summary>
    private static async Task InitialSyncAsync(EmbeddedEmulators emulators, string dataDirectory)
    {
        var loader = await RunningListener.StartAsync(
            emulators.ListenerArguments("http://127.0.0.1:0", dataDirectory).Concat(["--DualWrite:Recovery:Enabled=false", "--Logging:LogLevel:Default=Warning"]).ToList(), null, None);
        try
        {
            var report = await loader.Services.GetRequiredService<InitialSyncEngine>().RunAsync(InitialSyncRequest.All, null, None);
            Assert.True(report.Failed == 0 && report.AllCompleted, string.Join(Environment.NewLine, InitialSyncSummaryText.Lines(report)));
        }
        finally
        {
            await loader.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<List<string>> OrganizationCustomersAsync(FinOpsClient finOps)
    {
        var rows = await finOps.QueryAllAsync("CustomersV3", new ODataQuery { Filter = "dataAreaId eq 'usmf' and PartyType eq 'Organization'", Select = ["CustomerAccount"] });
        return rows.GetValueOrThrow().Select(r => r["CustomerAccount"]!.GetValue<string>()).OrderBy(a => a, StringComparer.Ordinal).ToList();
    }

    private static string CustomerPath(string account) => "CustomersV3(dataAreaId='usmf',CustomerAccount='" + account + "')";

    private static async Task RenameAsync(FinOpsClient finOps, string account, string name)
    {
        var result = await finOps.UpdateAsync(CustomerPath(account), new JsonObject { ["OrganizationName"] = name }, None);
        Assert.True(result.Succeeded, result.ToString());
    }

    private static async Task<JsonArray> AccountsAsync(HttpClient dataverse, string account)
    {
        var json = JsonNode.Parse(await dataverse.GetStringAsync("accounts?$select=name&$filter=accountnumber eq '" + account + "'"))!;
        return json["value"]!.AsArray();
    }

    private static async Task<string?> NameInDataverseAsync(HttpClient dataverse, string account) =>
        (await AccountsAsync(dataverse, account)).SingleOrDefault()?["name"]?.GetValue<string>();

    private static async Task<int> CountInDataverseAsync(HttpClient dataverse, string account) => (await AccountsAsync(dataverse, account)).Count;

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }
}
