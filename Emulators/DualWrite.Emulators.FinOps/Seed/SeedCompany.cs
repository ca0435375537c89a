namespace DualWrite.Emulators.FinOps.Seed;

/// <summary>A legal entity of the seed, with what its generated rows use (account prefix, currency, addresses).</summary>
internal sealed record SeedCompany(string Id, string Name, string Prefix, string Currency, string Country, string Language, SeedAddress[] Addresses);
