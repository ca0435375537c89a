using System;
using System.IO;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Inbox.Postgres;
using DualWrite.Listener.Inbox.Sqlite;

namespace DualWrite.Listener.Hosting;

/// <summary>PostgreSQL when a connection string is configured, otherwise a SQLite file in the data directory.</summary>
public static class InboxStoreFactory
{
    public static RelationalInboxStore Create(InboxOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesPostgres
            ? new PostgresInboxStore(options.PostgresConnectionString!, timeProvider)
            : new SqliteInboxStore(Path.Combine(options.DataDirectory, options.SqliteFileName), timeProvider);
    }
}
