using DualWrite.TestSupport;

namespace DualWrite.EndToEnd.Tests.Support;

/// <summary>Test classes that share one real PostgreSQL server (started once per run).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL end to end";
}
