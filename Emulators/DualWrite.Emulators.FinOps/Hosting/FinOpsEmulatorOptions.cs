using System;
using System.Collections.Generic;
using DualWrite.Emulators.Common.Latency;
using DualWrite.Emulators.FinOps.Auth;
using DualWrite.Emulators.FinOps.Events;
using DualWrite.Emulators.FinOps.Seed;

namespace DualWrite.Emulators.FinOps.Hosting;

/// <summary>How an emulator starts. Every default suits tests: a free port, the small data set, the default client.</summary>
public sealed class FinOpsEmulatorOptions
{
    /// <summary>Port on 127.0.0.1. Default 0: a free port chosen by the system (see <see cref="FinOpsEmulator.BaseAddress"/>).</summary>
    public int Port { get; set; }

    /// <summary>The data loaded at start. Default <see cref="SeedOptions.Small"/>.</summary>
    public SeedOptions Seed { get; set; } = SeedOptions.Small;

    /// <summary>Applications that may get tokens. Default: <see cref="FinOpsClientCredential.Default"/> only.</summary>
    public IList<FinOpsClientCredential> Clients { get; } = new List<FinOpsClientCredential> { FinOpsClientCredential.Default };

    /// <summary>Business event delivery (retries, interval). Default: F&amp;O's 3 retries at 1 second.</summary>
    public EventDeliveryOptions Events { get; set; } = new();

    /// <summary>Endpoints registered at start (more can be added through the control object or the admin endpoint).</summary>
    public IList<EventEndpoint> EventEndpoints { get; } = new List<EventEndpoint>();

    /// <summary>BusinessEventLegalEntity for changes of shared tables (LegalEntities, Currencies). Default "usmf".</summary>
    public string SharedTablesCompany { get; set; } = "usmf";

    /// <summary>
    /// True (default, as F&amp;O): GET, PATCH, PUT and DELETE by key find a record of another company than the
    /// caller's only with <c>?cross-company=true</c>. False: any company's record is found by its full key.
    /// </summary>
    public bool KeyAccessNeedsCrossCompany { get; set; } = true;

    /// <summary>The clock for tokens, throttling windows, event times and retry waits. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Simulated service latency on /data (per request, per record written: a $batch counts its operations). Default off.</summary>
    public LatencyProfile Latency { get; set; } = LatencyProfile.None;

    /// <summary>Write the request log to the console. Default false (true from the command line).</summary>
    public bool LogToConsole { get; set; }

    /// <summary>Requests kept for <see cref="FinOpsEmulatorControl.Requests"/>. Default 1,000.</summary>
    public int RequestLogCapacity { get; set; } = 1000;

    /// <summary>Every problem of the options at once; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Port is < 0 or > 65535)
        {
            problems.Add("Port " + Port + " is not between 0 and 65535.");
        }

        if (Seed is null)
        {
            problems.Add("Seed is required (SeedOptions.None for an empty store).");
        }
        else if (Seed.Customers < 0 || Seed.Vendors < 0 || Seed.Contacts < 0 || Seed.Products < 0 || Seed.SalesOrders < 0 || Seed.LinesPerOrder < 0)
        {
            problems.Add("Seed counts cannot be negative.");
        }

        if (Clients.Count == 0)
        {
            problems.Add("At least one client is required, or nobody can get a token.");
        }

        if (Events is null)
        {
            problems.Add("Events is required.");
        }
        else if (Events.RetryCount < 0 || Events.RetryInterval < TimeSpan.Zero || Events.AttemptTimeout <= TimeSpan.Zero)
        {
            problems.Add("Events: RetryCount and RetryInterval cannot be negative, and AttemptTimeout must be positive.");
        }

        if (RequestLogCapacity <= 0)
        {
            problems.Add("RequestLogCapacity must be positive.");
        }

        if (Latency is null || Latency.PerRequest < TimeSpan.Zero || Latency.PerRecord < TimeSpan.Zero)
        {
            problems.Add("Latency is required and must not be negative (LatencyProfile.None for none).");
        }

        if (TimeProvider is null)
        {
            problems.Add("TimeProvider is required.");
        }

        return problems;
    }
}
