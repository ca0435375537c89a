using System;
using DualWrite.Listener.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DualWrite.Listener.Inbox;

public sealed class InboxOptionsValidator : IValidateOptions<InboxOptions>
{
    public ValidateOptionsResult Validate(string? name, InboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems(InboxOptions.SectionName);
        if (options.UsesPostgres)
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString);
            }
            catch (ArgumentException ex)
            {
                problems.Add(nameof(options.PostgresConnectionString), "is not a PostgreSQL connection string: " + ex.Message, "(hidden)");
            }
        }
        else
        {
            problems.Require(!string.IsNullOrWhiteSpace(options.DataDirectory), nameof(options.DataDirectory), "must name a directory", options.DataDirectory);
            problems.Require(
                !string.IsNullOrWhiteSpace(options.SqliteFileName) && options.SqliteFileName.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) < 0,
                nameof(options.SqliteFileName),
                "must be a file name",
                options.SqliteFileName);
        }

        return problems.ToResult();
    }
}
