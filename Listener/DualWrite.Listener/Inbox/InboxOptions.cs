namespace DualWrite.Listener.Inbox;

/// <summary>Where the inbox and state live. Section <c>DualWrite:Inbox</c>.</summary>
public sealed class InboxOptions
{
    public const string SectionName = "DualWrite:Inbox";

    /// <summary>
    /// A PostgreSQL connection string. When set, the inbox lives there and several listener instances can
    /// share it; when empty (the default), the inbox is a SQLite file under <see cref="DataDirectory"/>.
    /// </summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The directory of the SQLite file, relative to the working directory. Default <c>data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The SQLite file name. Default <c>inbox.db</c>.</summary>
    public string SqliteFileName { get; set; } = "inbox.db";

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);
}
