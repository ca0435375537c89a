using System;
using System.IO;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Inbox.Sqlite;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.Inbox;

public sealed class SqliteInboxStoreTests : InboxStoreContract
{
    private readonly TempDirectory directory = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Fact]
    public async Task The_file_is_in_write_ahead_log_mode()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Path.Combine(directory.Path, "inbox.db"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    protected override Task<IInboxStore> CreateStoreAsync(TimeProvider timeProvider) =>
        Task.FromResult<IInboxStore>(new SqliteInboxStore(Path.Combine(directory.Path, "inbox.db"), timeProvider));
}
