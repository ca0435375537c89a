using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Seed;
using DualWrite.Emulators.FinOps.Auth;
using DualWrite.Emulators.FinOps.Events;
using DualWrite.Emulators.FinOps.Hosting;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Syncing;

namespace DualWrite.Embedded;

/// <summary>
/// The F&amp;O and Dataverse emulators in this process: F&amp;O with the small data set, Dataverse with reference
/// data and our solution's plug-in steps pointed at the F&amp;O emulator (so Dataverse saves are written through).
/// Gives the listener the configuration that points it at both, and registers its endpoint for F&amp;O events.
/// </summary>
public sealed class EmbeddedEmulators : IAsyncDisposable
{
    /// <summary>The header and secret F&amp;O's event endpoint sends and the listener checks.</summary>
    public const string SecretHeader = "X-DualWrite-Secret";

    /// <summary>
    /// The F&amp;O application our plug-in signs in as: its own, as in a real deployment, so F&amp;O's events name it
    /// (<c>InitiatingUserAADObjectId</c>) and the listener tells write-throughs from F&amp;O users' edits.
    /// </summary>
    public static FinOpsClientCredential PlugInClient { get; } = new("dualwrite-plugin", "plugin-secret");

    /// <summary>
    /// The embedded saves end in milliseconds (the Dataverse emulator runs in this process), so a write-through
    /// whose ledger row is still missing after this long rolled back.
    /// </summary>
    public static readonly TimeSpan WriteThroughSettle = TimeSpan.FromSeconds(10);

    private EmbeddedEmulators(FinOpsEmulator finOps, DataverseEmulator dataverse, string secret)
    {
        FinOps = finOps;
        Dataverse = dataverse;
        EventSecret = secret;
    }

    public FinOpsEmulator FinOps { get; }

    public DataverseEmulator Dataverse { get; }

    /// <summary>A random secret for this run.</summary>
    public string EventSecret { get; }

    /// <param name="options">Ports and data set.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <param name="configureDataverse">Changes the Dataverse emulator's options before it starts (more plug-in steps, say).</param>
    public static async Task<EmbeddedEmulators> StartAsync(EmbeddedOptions options, CancellationToken cancellationToken, Action<DataverseEmulatorOptions>? configureDataverse = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var finOpsOptions = new FinOpsEmulatorOptions { Port = options.FinOpsPort, Seed = options.Seed };
        finOpsOptions.Clients.Add(PlugInClient);
        var finOps = await FinOpsEmulator.StartAsync(finOpsOptions, cancellationToken).ConfigureAwait(false);
        try
        {
            var dataverseOptions = new DataverseEmulatorOptions
            {
                Port = options.DataversePort,
                Seed = DataverseSeedOptions.Small with { Accounts = 0, Contacts = 0, Products = 0 },
                SolutionFolder = Path.Combine(AppContext.BaseDirectory, "solution"),
            };
            dataverseOptions.Steps.PluginAssemblies.Add(Path.Combine(AppContext.BaseDirectory, "DualWrite.Plugins.dll"));
            dataverseOptions.Steps.SecureConfigurations["*"] = new JsonObject
            {
                ["tenantId"] = DefaultEmulatorClient.Tenant,
                ["clientId"] = PlugInClient.ClientId,
                ["clientSecret"] = PlugInClient.ClientSecret,
                ["authority"] = finOps.BaseAddress.AbsoluteUri,
            }.ToJsonString();
            dataverseOptions.Steps.UnsecureSettings["finOpsBaseUrl"] = finOps.BaseAddress.AbsoluteUri;
            dataverseOptions.Steps.UnsecureSettings["allowEmulatorUrls"] = true;
            configureDataverse?.Invoke(dataverseOptions);
            var dataverse = await DataverseEmulator.StartAsync(dataverseOptions, cancellationToken).ConfigureAwait(false);
            return new EmbeddedEmulators(finOps, dataverse, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        }
        catch
        {
            await finOps.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The listener's configuration for these emulators (command-line style, so it overrides appsettings).</summary>
    public IReadOnlyList<string> ListenerArguments(string listenerUrls, string dataDirectory)
    {
        return new[]
        {
            "--DualWrite:Receiving:Urls=" + listenerUrls,
            "--DualWrite:Receiving:SharedSecret=" + EventSecret,
            "--DualWrite:Receiving:SharedSecretHeader=" + SecretHeader,
            "--DualWrite:Inbox:DataDirectory=" + dataDirectory,
            "--" + ServiceTargetOptions.FinOpsSection + ":BaseUrl=" + FinOps.BaseAddress.AbsoluteUri,
            "--" + ServiceTargetOptions.FinOpsSection + ":Authority=" + new Uri(FinOps.BaseAddress, DefaultEmulatorClient.Tenant).AbsoluteUri,
            "--" + ServiceTargetOptions.FinOpsSection + ":ClientId=" + DefaultEmulatorClient.ClientId,
            "--" + ServiceTargetOptions.FinOpsSection + ":ClientSecret=" + DefaultEmulatorClient.ClientSecret,
            "--" + ServiceTargetOptions.DataverseSection + ":BaseUrl=" + Dataverse.BaseAddress.AbsoluteUri,
            "--" + ServiceTargetOptions.DataverseSection + ":Authority=" + new Uri(Dataverse.BaseAddress, DefaultEmulatorClient.Tenant).AbsoluteUri,
            "--" + ServiceTargetOptions.DataverseSection + ":ClientId=" + DefaultEmulatorClient.ClientId,
            "--" + ServiceTargetOptions.DataverseSection + ":ClientSecret=" + DefaultEmulatorClient.ClientSecret,
            "--" + ApplierOptions.SectionName + ":WriteThroughUsers:0=" + PlugInClient.ObjectId.ToString("D"),
            "--" + ApplierOptions.SectionName + ":WriteThroughSettle=" + WriteThroughSettle.ToString("c", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Registers the listener's event URL in F&amp;O (Business events → Endpoints), with the shared secret header.</summary>
    public void RegisterListener(Uri eventsUrl, string name = "DualWrite listener")
    {
        FinOps.Control.Events.Register(new EventEndpoint(name, eventsUrl)
        {
            Headers = new Dictionary<string, string> { [SecretHeader] = EventSecret },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Dataverse.DisposeAsync().ConfigureAwait(false);
        await FinOps.DisposeAsync().ConfigureAwait(false);
    }
}
