using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Seed;
using DualWrite.Emulators.FinOps.Events;
using DualWrite.Emulators.FinOps.Hosting;
using DualWrite.Listener.Syncing;
using FinOpsClientCredential = DualWrite.Emulators.FinOps.Auth.ClientCredential;

namespace DualWrite.Listener.Embedded;

/// <summary>
/// The F&amp;O and Dataverse emulators in this process: F&amp;O with the small data set, Dataverse with reference
/// data and our solution's plug-in steps pointed at the F&amp;O emulator (so Dataverse saves are written through).
/// Gives the listener the configuration that points it at both, and registers its endpoint for F&amp;O events.
/// </summary>
public sealed class EmbeddedEmulators : IAsyncDisposable
{
    /// <summary>The header and secret F&amp;O's event endpoint sends and the listener checks.</summary>
    public const string SecretHeader = "X-DualWrite-Secret";

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

    public static async Task<EmbeddedEmulators> StartAsync(EmbeddedOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var finOps = await FinOpsEmulator.StartAsync(new FinOpsEmulatorOptions { Port = options.FinOpsPort, Seed = options.Seed }, cancellationToken).ConfigureAwait(false);
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
                ["tenantId"] = FinOpsEmulator.DefaultTenant,
                ["clientId"] = FinOpsClientCredential.Default.ClientId,
                ["clientSecret"] = FinOpsClientCredential.Default.ClientSecret,
                ["authority"] = finOps.BaseAddress.AbsoluteUri,
            }.ToJsonString();
            dataverseOptions.Steps.UnsecureSettings["fnoBaseUrl"] = finOps.BaseAddress.AbsoluteUri;
            dataverseOptions.Steps.UnsecureSettings["allowEmulatorUrls"] = true;
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
            "--" + ServiceTargetOptions.FinOpsSection + ":Authority=" + new Uri(FinOps.BaseAddress, FinOpsEmulator.DefaultTenant).AbsoluteUri,
            "--" + ServiceTargetOptions.FinOpsSection + ":ClientId=" + FinOpsClientCredential.Default.ClientId,
            "--" + ServiceTargetOptions.FinOpsSection + ":ClientSecret=" + FinOpsClientCredential.Default.ClientSecret,
            "--" + ServiceTargetOptions.DataverseSection + ":BaseUrl=" + Dataverse.BaseAddress.AbsoluteUri,
            "--" + ServiceTargetOptions.DataverseSection + ":Authority=" + new Uri(Dataverse.BaseAddress, DataverseEmulator.DefaultTenant).AbsoluteUri,
            "--" + ServiceTargetOptions.DataverseSection + ":ClientId=" + DataverseEmulator.DefaultClientId,
            "--" + ServiceTargetOptions.DataverseSection + ":ClientSecret=" + DataverseEmulator.DefaultClientSecret,
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
