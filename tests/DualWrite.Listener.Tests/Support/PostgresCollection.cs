using DualWrite.TestSupport;

namespace DualWrite.Listener.Tests.Support;

/// <summary>Test classes that share the one PostgreSQL server (started once per run).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
