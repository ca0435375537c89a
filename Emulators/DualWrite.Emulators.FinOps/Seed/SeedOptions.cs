namespace DualWrite.Emulators.FinOps.Seed;

/// <summary>
/// What the emulator starts with. Reference data (3 legal entities, currencies, customer groups) comes
/// with every data set except <see cref="None"/>; the counts say how many generated rows of each kind.
/// The same <see cref="RandomSeed"/> always gives the same rows.
/// </summary>
public sealed record SeedOptions
{
    /// <summary>An empty store: not even legal entities.</summary>
    public static SeedOptions None { get; } = new() { IncludeReferenceData = false, Customers = 0, Vendors = 0, Contacts = 0, Products = 0, SalesOrders = 0 };

    /// <summary>For tests and demos: a few hundred customers, contacts and products, some orders.</summary>
    public static SeedOptions Small { get; } = new();

    public bool IncludeReferenceData { get; init; } = true;

    /// <summary>Spread over the three companies in turn. Default 300.</summary>
    public int Customers { get; init; } = 300;

    public int Vendors { get; init; } = 60;

    public int Contacts { get; init; } = 150;

    public int Products { get; init; } = 120;

    public int SalesOrders { get; init; } = 60;

    public int LinesPerOrder { get; init; } = 3;

    public int RandomSeed { get; init; } = 42;

    /// <summary>The small data set with <paramref name="customers"/> customers (a million load with bounded memory).</summary>
    public static SeedOptions WithCustomers(int customers) => Small with { Customers = customers };
}
