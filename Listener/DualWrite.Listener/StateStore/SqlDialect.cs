namespace DualWrite.Listener.StateStore;

/// <summary>The few pieces of DDL that SQLite and PostgreSQL spell differently; all other SQL is shared.</summary>
/// <param name="IdentityColumn">An auto-numbered BIGINT primary key column definition.</param>
/// <param name="CreateViewPrefix">How to create a view that may already exist.</param>
public sealed record SqlDialect(string IdentityColumn, string CreateViewPrefix)
{
    public static SqlDialect Sqlite { get; } = new("INTEGER PRIMARY KEY AUTOINCREMENT", "CREATE VIEW IF NOT EXISTS");

    public static SqlDialect Postgres { get; } = new("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "CREATE OR REPLACE VIEW");
}
