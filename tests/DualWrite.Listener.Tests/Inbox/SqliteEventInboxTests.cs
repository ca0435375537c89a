using System;
using System.IO;
using System.Threading.Tasks;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.Inbox;

public sealed class SqliteEventInboxTests : EventInboxContract
{
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task The_file_is_in_write_ahead_log_mode()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Path.Combine(directory.Path, "inbox.db"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    protected override Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        Task.FromResult(StateStores.Sqlite(Path.Combine(directory.Path, "inbox.db"), timeProvider, directory));
}
