using DualWrite.Emulators.FinOps.Seed;

namespace DualWrite.Listener.Embedded;

/// <summary>
/// The embedded default (section <c>DualWrite:Embedded</c>): both emulators in this process on fixed loopback
/// ports, so the printed curl commands work; tests use 0 (any free port).
/// </summary>
public sealed class EmbeddedOptions
{
    public const string SectionName = "DualWrite:Embedded";

    /// <summary>The F&amp;O emulator's port. Default 5100.</summary>
    public int FinOpsPort { get; set; } = 5100;

    /// <summary>The Dataverse emulator's port. Default 5200.</summary>
    public int DataversePort { get; set; } = 5200;

    /// <summary>The listener's event endpoint. Default <c>http://127.0.0.1:5080</c>.</summary>
    public string ListenerUrls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Customers in the F&amp;O seed (the small data set has 300). Default 30: a quick start.</summary>
    public int Customers { get; set; } = 30;

    /// <summary>The F&amp;O data set. Built from <see cref="Customers"/>: reference data, customers, a few contacts and products.</summary>
    public SeedOptions Seed => SeedOptions.Small with { Customers = Customers, Vendors = 0, Contacts = 0, Products = 0, SalesOrders = 0 };
}
