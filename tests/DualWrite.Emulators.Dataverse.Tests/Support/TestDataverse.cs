using System;
using DualWrite.Emulators.Dataverse.Builder;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace DualWrite.Emulators.Dataverse.Tests.Support;

/// <summary>The tables most tests use: account (with an alternate key) and contact (with a lookup to account).</summary>
internal static class TestDataverse
{
    public static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static InMemoryDataverseBuilder Builder(FakeTimeProvider? clock = null)
        => new InMemoryDataverseBuilder()
            .WithTimeProvider(clock ?? new FakeTimeProvider(Start))
            .AddTable("account", t => t
                .PrimaryName("name", maxLength: 160)
                .Column("accountnumber", ColumnType.String)
                .Column("creditlimit", ColumnType.Money)
                .Column("numberofemployees", ColumnType.Integer)
                .Column("revenue", ColumnType.Decimal)
                .Column("industrycode", ColumnType.Picklist)
                .Column("donotemail", ColumnType.Boolean)
                .Column("lastvisit", ColumnType.DateTime)
                .Column("description", ColumnType.Memo)
                .Lookup("primarycontactid", "contact")
                .AlternateKey("ak_accountnumber", "accountnumber"))
            .AddTable("contact", t => t
                .PrimaryName("fullname")
                .Column("lastname", ColumnType.String, required: true)
                .Column("firstname", ColumnType.String)
                .Column("emailaddress1", ColumnType.String)
                .Lookup("parentcustomerid", "account")
                .AlternateKey("ak_email", "emailaddress1"))
            .AddOneToManyRelationship("contact_customer_accounts", "account", "contact", "parentcustomerid")
            .AddManyToManyRelationship("accountleads_association", "account", "contact", "accountcontact");

    public static InMemoryDataverse Build() => Builder().Build();

    /// <summary>A step whose plug-in is a lambda.</summary>
    public static StepRegistration Step(string message, string? table, PipelineStage stage, Action<PluginScope> body, int rank = 1, StepMode mode = StepMode.Synchronous, string? name = null)
        => new()
        {
            PluginFactory = (_, _) => new DelegatePlugin(body),
            Name = name ?? $"{message}-{stage}-{rank}",
            Message = message,
            Table = table,
            Stage = stage,
            Mode = mode,
            Rank = rank,
        };
}
