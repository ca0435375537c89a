namespace DualWrite.Emulators.FinOps.Seed;

/// <summary>A city with its state and postal code, for generated addresses.</summary>
internal sealed record SeedAddress(string City, string State, string ZipCode);
