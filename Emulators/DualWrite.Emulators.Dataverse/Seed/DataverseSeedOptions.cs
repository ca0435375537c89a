namespace DualWrite.Emulators.Dataverse.Seed;

/// <summary>
/// What the emulator starts with: reference data (the companies usmf, usrt and demf, currencies, units, payment
/// terms, customer groups) and generated accounts, contacts and products. The same <see cref="RandomSeed"/>
/// always gives the same rows and ids.
/// </summary>
public sealed record DataverseSeedOptions
{
    /// <summary>No records at all.</summary>
    public static DataverseSeedOptions None { get; } = new() { IncludeReferenceData = false, Accounts = 0, Contacts = 0, Products = 0 };

    /// <summary>For tests and demos: 300 accounts, 150 contacts, 120 products (keys as the F&amp;O emulator's small seed).</summary>
    public static DataverseSeedOptions Small { get; } = new();

    public bool IncludeReferenceData { get; init; } = true;

    /// <summary>Spread over the three companies in turn, numbered as the F&amp;O emulator numbers its customers (US-001, RT-001, DE-001).</summary>
    public int Accounts { get; init; } = 300;

    public int Contacts { get; init; } = 150;

    public int Products { get; init; } = 120;

    public int RandomSeed { get; init; } = 20261122;

    /// <summary>The reference data plus <paramref name="accounts"/> accounts and nothing else (for volume tests).</summary>
    public static DataverseSeedOptions Large(int accounts) => new() { Accounts = accounts, Contacts = 0, Products = 0 };
}
