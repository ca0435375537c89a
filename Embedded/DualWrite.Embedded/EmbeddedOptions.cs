using DualWrite.Emulators.FinOps.Seed;

namespace DualWrite.Embedded;

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

    /// <summary>Customers in the F&amp;O seed. Default: the small data set's 300.</summary>
    public int Customers { get; set; } = SeedOptions.Small.Customers;

    /// <summary>
    /// The F&amp;O data set: the small one (reference data, vendors, contacts, products, sales orders) with
    /// <see cref="Customers"/> customers.
    /// </summary>
    public SeedOptions Seed => SeedOptions.Small with { Customers = Customers };
}
