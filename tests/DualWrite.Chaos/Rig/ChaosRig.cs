using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.TestSupport.Processes;

namespace DualWrite.Chaos.Rig;

/// <summary>
/// The system under fire, every part its own process on loopback: the F&amp;O emulator, the Dataverse emulator with
/// our solution's plug-in steps pointed at it (signing in to F&amp;O as the plug-in's own app), and <c>dualwrite
/// listen</c> on a SQLite state store in its own data directory (files that survive SIGKILL), registered as F&amp;O's
/// business-event endpoint. The listener can be killed and restarted on the same address.
/// </summary>
public sealed class ChaosRig : IAsyncDisposable
{
    public const string PlugInClientId = "dualwrite-plugin";

    /// <summary>The plug-in's per-call timeout here: short, so a stalled F&amp;O write fails the save in seconds.</summary>
    public const int PlugInCallTimeoutSeconds = 5;

    /// <summary>The listener waits this long for a write-through's ledger row before reverting F&amp;O.</summary>
    public static readonly TimeSpan WriteThroughSettle = TimeSpan.FromSeconds(10);

    private const string PlugInClientSecret = "plugin-secret";

    private readonly ListenerProcesses _listenerProcesses;
    private readonly List<string> _listenerArguments;
    private ChildProcess? _listener;
    private bool _registered;

    private ChaosRig(BuildOutputs outputs, EmulatorProcess finOps, EmulatorProcess dataverse, string dataDirectory)
    {
        Outputs = outputs;
        FinOps = finOps;
        Dataverse = dataverse;
        DataDirectory = dataDirectory;
        _listenerProcesses = new ListenerProcesses(outputs);
        ListenerUrl = "http://127.0.0.1:" + ListenerProcesses.FreePort().ToString(CultureInfo.InvariantCulture);
        _listenerArguments = ListenerProcesses.Settings(finOps, dataverse, dataDirectory);
        _listenerArguments.Add("--DualWrite:Applying:WriteThroughUsers:0=" + ObjectIdOf(PlugInClientId).ToString("D"));
        _listenerArguments.Add("--DualWrite:Applying:WriteThroughSettle=" + WriteThroughSettle.ToString("c", CultureInfo.InvariantCulture));
        FinOpsAdmin = EmulatorHttp.Admin(finOps.BaseAddress);
        DataverseAdmin = EmulatorHttp.Admin(dataverse.BaseAddress);
    }

    public BuildOutputs Outputs { get; }

    public EmulatorProcess FinOps { get; }

    public EmulatorProcess Dataverse { get; }

    public string DataDirectory { get; }

    /// <summary>Where the listener listens, the same across restarts (F&amp;O's endpoint registration names it).</summary>
    public string ListenerUrl { get; }

    public HttpClient FinOpsAdmin { get; }

    public HttpClient DataverseAdmin { get; }

    public bool ListenerRunning => _listener is { HasExited: false };

    /// <summary>The settings every <c>dualwrite</c> command of this run needs.</summary>
    public IReadOnlyList<string> ListenerSettings => _listenerArguments;

    public static async Task<ChaosRig> StartAsync(BuildOutputs outputs, int customers)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (!File.Exists(outputs.PlugIn))
        {
            throw new InvalidOperationException(outputs.PlugIn + " is missing: build the chaos project (it builds the plug-in's net10.0 target).");
        }

        var finOps = await EmulatorProcess.StartFinOpsAsync(outputs, customers, ["--client", PlugInClientId + ":" + PlugInClientSecret]).ConfigureAwait(false);
        try
        {
            var secure = new JsonObject
            {
                ["tenantId"] = "emulator",
                ["clientId"] = PlugInClientId,
                ["clientSecret"] = PlugInClientSecret,
                ["authority"] = finOps.BaseAddress.AbsoluteUri,
            }.ToJsonString();
            var dataverse = await EmulatorProcess.StartDataverseAsync(outputs, 0,
            [
                "--solution", outputs.Solution,
                "--plugins", outputs.PlugIn,
                "--step-setting", "finOpsBaseUrl=" + finOps.BaseAddress.AbsoluteUri,
                "--step-setting", "allowEmulatorUrls=true",
                "--step-setting", "callTimeoutSeconds=" + PlugInCallTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
                "--secure-config", secure,
            ]).ConfigureAwait(false);
            var data = ListenerProcesses.NewDataDirectory("chaos");
            return new ChaosRig(outputs, finOps, dataverse, data);
        }
        catch
        {
            await finOps.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Both sides alike before the run: <c>dualwrite initial-sync</c> of F&amp;O's seed into Dataverse.</summary>
    public async Task InitialSyncAsync()
    {
        var run = await _listenerProcesses.RunAsync("initial-sync", new[] { "--restart", "--json" }.Concat(_listenerArguments), TimeSpan.FromMinutes(10)).ConfigureAwait(false);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException("The initial sync before the run failed (exit " + run.ExitCode + "):" + Environment.NewLine + run.Tail);
        }
    }

    /// <summary><c>dualwrite reconcile --json</c> of the maps; the answer's JSON (null when it printed none) and exit code.</summary>
    public async Task<CommandRun> ReconcileAsync(IEnumerable<string> maps)
    {
        return await _listenerProcesses.RunAsync("reconcile", new[] { "--maps", string.Join(',', maps), "--json" }.Concat(_listenerArguments), TimeSpan.FromMinutes(10)).ConfigureAwait(false);
    }

    /// <summary>Starts the listener (first time: and registers it as F&amp;O's event endpoint); returns when it answers.</summary>
    public async Task StartListenerAsync()
    {
        var (process, eventsUrl) = await _listenerProcesses.ListenAsync(_listenerArguments, ListenerUrl).ConfigureAwait(false);
        _listener = process;
        if (_registered)
        {
            // Registered once: registering again replaces the endpoint and drops the deliveries F&O still has queued.
            return;
        }

        _registered = true;
        var registration = new
        {
            name = "chaos listener",
            url = eventsUrl.AbsoluteUri,
            headers = new Dictionary<string, string> { [ListenerProcesses.SecretHeader] = ListenerProcesses.Secret },
        };
        using var answer = await FinOpsAdmin.PostAsJsonAsync("_emulator/events/endpoints", registration).ConfigureAwait(false);
        answer.EnsureSuccessStatusCode();
    }

    /// <summary>SIGKILL: no shutdown code runs; the inbox and state store are what was on disk.</summary>
    public async Task KillListenerAsync()
    {
        if (_listener is { } listener)
        {
            listener.KillHard();
            await listener.DisposeAsync().ConfigureAwait(false);
            _listener = null;
        }
    }

    /// <summary>F&amp;O's delivery state: events queued or being delivered, and events it gave up on (its error log).</summary>
    public async Task<(int Pending, int GivenUp)> FinOpsDeliveryAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var status = await FinOpsAdmin.GetFromJsonAsync<JsonObject>("_emulator/status").ConfigureAwait(false);
                return (status!["pendingDeliveries"]!.GetValue<int>(), status["errorLog"]!.GetValue<int>());
            }
            catch (Exception ex) when (attempt < 5 && ex is HttpRequestException or TaskCanceledException)
            {
                // A busy machine: the emulator answers a moment later.
                await Task.Delay(TimeSpan.FromSeconds(attempt)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Last lines the listener printed (for a failure message).</summary>
    public string ListenerTail => _listener?.Tail ?? string.Empty;

    public async ValueTask DisposeAsync()
    {
        await KillListenerAsync().ConfigureAwait(false);
        FinOpsAdmin.Dispose();
        DataverseAdmin.Dispose();
        await Dataverse.DisposeAsync().ConfigureAwait(false);
        await FinOps.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }

    /// <summary>The F&amp;O emulator's object id for an app (what its events name as InitiatingUserAADObjectId).</summary>
    private static Guid ObjectIdOf(string clientId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("fno-app-user:" + clientId.ToLowerInvariant()));
        return new Guid(hash.AsSpan(0, 16));
    }
}
