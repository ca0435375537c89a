using System;
using System.Collections.Generic;
using DualWrite.Emulators.Common.Latency;
using DualWrite.Emulators.Dataverse.Auth;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Seed;
using DualWrite.Emulators.Dataverse.Solution;
using DualWrite.Emulators.Dataverse.Throttling;

namespace DualWrite.Emulators.Dataverse.Hosting;

/// <summary>How to start a <see cref="DataverseEmulator"/>. Every default makes a working emulator.</summary>
public sealed class DataverseEmulatorOptions
{
    /// <summary>The loopback port (127.0.0.1); 0 (default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The records to start with (default <see cref="DataverseSeedOptions.Small"/>).</summary>
    public DataverseSeedOptions Seed { get; set; } = DataverseSeedOptions.Small;

    /// <summary>The CSDL to build the tables from; null: Shared/maps/metadata/dataverse.xml as copied beside the emulator.</summary>
    public string? MetadataPath { get; set; }

    /// <summary>The choices side file; null: dataverse-choices.json beside <see cref="MetadataPath"/>.</summary>
    public string? ChoicesPath { get; set; }

    /// <summary>A solution folder (SolutionPackager's unpacked layout) whose steps are registered; null: none.</summary>
    public string? SolutionFolder { get; set; }

    /// <summary>Plug-in assemblies, secure configuration and environment settings for the solution's steps.</summary>
    public SolutionStepOptions Steps { get; set; } = new();

    /// <summary>More steps registered directly (tests).</summary>
    public IList<StepRegistration> AdditionalSteps { get; } = new List<StepRegistration>();

    /// <summary>Applications the token endpoint accepts; empty (default) accepts any client id with a secret.</summary>
    public IList<DataverseClientCredential> Clients { get; } = new List<DataverseClientCredential>();

    /// <summary>Whether /api/data requests need a bearer token (default true, as the service).</summary>
    public bool RequireAuthentication { get; set; } = true;

    /// <summary>Service protection limits; off by default.</summary>
    public ServiceProtectionOptions ServiceProtection { get; set; } = new();

    /// <summary>Simulated service latency (per request, per record written); off by default. Service protection counts it as execution time.</summary>
    public LatencyProfile Latency { get; set; } = LatencyProfile.None;

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Write one line per request to the console (the command line turns it on).</summary>
    public bool LogToConsole { get; set; }

    /// <summary>Every problem with these options, all at once; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65535)
        {
            problems.Add($"Port {Port} is not a TCP port (0 picks a free one).");
        }

        if (Seed is null)
        {
            problems.Add("Seed is required (DataverseSeedOptions.None for an empty emulator).");
        }
        else if (Seed.Accounts < 0 || Seed.Contacts < 0 || Seed.Products < 0)
        {
            problems.Add("Seed counts must not be negative.");
        }

        if (SolutionFolder is not null && (Steps is null || Steps.PluginAssemblies.Count == 0))
        {
            problems.Add($"SolutionFolder '{SolutionFolder}' needs at least one plug-in assembly (Steps.PluginAssemblies) to load its plug-in types from.");
        }

        if (ServiceProtection is null)
        {
            problems.Add("ServiceProtection is required (its Enabled is false by default).");
        }
        else if (ServiceProtection.Window <= TimeSpan.Zero || ServiceProtection.MaxRequests <= 0 || ServiceProtection.MaxConcurrentRequests <= 0 || ServiceProtection.MaxExecutionTime <= TimeSpan.Zero)
        {
            problems.Add("ServiceProtection limits must be positive.");
        }

        if (Latency is null)
        {
            problems.Add("Latency is required (LatencyProfile.None for none).");
        }
        else if (Latency.PerRequest < TimeSpan.Zero || Latency.PerRecord < TimeSpan.Zero)
        {
            problems.Add("Latency must not be negative.");
        }

        if (TimeProvider is null)
        {
            problems.Add("TimeProvider is required.");
        }

        return problems;
    }
}
