using System;
using System.IO;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.StateStore.Postgres;
using DualWrite.Listener.StateStore.Sqlite;

namespace DualWrite.Listener.StateStore;

/// <summary>PostgreSQL when a connection string is configured, otherwise a SQLite file in the data directory.</summary>
public static class StateDatabaseFactory
{
    public static StateDatabase Create(InboxOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesPostgres
            ? new PostgresStateDatabase(options.PostgresConnectionString!, timeProvider)
            : new SqliteStateDatabase(Path.Combine(options.DataDirectory, options.SqliteFileName), timeProvider);
    }
}
