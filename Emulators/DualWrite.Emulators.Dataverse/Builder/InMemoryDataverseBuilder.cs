using System;
using System.Collections.Generic;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.Pipeline;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Builder;

/// <summary>
/// Sets up an <see cref="InMemoryDataverse"/>: tables, relationships, seed records and plug-in steps.
/// <code>
/// var dataverse = new InMemoryDataverseBuilder()
///     .AddTable("account", t => t.PrimaryName("name").Column("creditlimit", ColumnType.Money).AlternateKey("ak_number", "accountnumber"))
///     .AddStep(StepRegistration.For&lt;MyPlugin&gt;("Update", "account", PipelineStage.PostOperation))
///     .AddRecord(new Entity("account") { ["name"] = "Contoso" })
///     .Build();
/// IOrganizationService service = dataverse.Service;
/// </code>
/// </summary>
public sealed class InMemoryDataverseBuilder
{
    private readonly List<TableBuilder> _tables = [];
    private readonly List<RelationshipMetadata> _relationships = [];
    private readonly List<Entity> _records = [];
    private readonly StepRegistry _steps = new();
    private TimeProvider _time = TimeProvider.System;
    private Guid _userId = Guid.NewGuid();

    /// <summary>The clock for createdon, modifiedon and OperationCreatedOn (default: the system clock).</summary>
    public InMemoryDataverseBuilder WithTimeProvider(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        return this;
    }

    /// <summary>The user top-level requests run as by default.</summary>
    public InMemoryDataverseBuilder WithDefaultUser(Guid userId)
    {
        _userId = userId;
        return this;
    }

    public InMemoryDataverseBuilder AddTable(string logicalName, Action<TableBuilder>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logicalName);
        var table = new TableBuilder(logicalName);
        configure?.Invoke(table);
        _tables.Add(table);
        return this;
    }

    /// <summary>A one-to-many relationship: <paramref name="lookupColumn"/> on the referencing table points at the referenced one.</summary>
    public InMemoryDataverseBuilder AddOneToManyRelationship(string schemaName, string referencedTable, string referencingTable, string lookupColumn)
    {
        _relationships.Add(RelationshipMetadata.OneToMany(schemaName, referencedTable, referencingTable, lookupColumn));
        return this;
    }

    /// <summary>A many-to-many relationship stored in intersect table <paramref name="intersectTable"/>.</summary>
    public InMemoryDataverseBuilder AddManyToManyRelationship(string schemaName, string table1, string table2, string intersectTable)
    {
        var relationship = RelationshipMetadata.ManyToMany(schemaName, table1, table2, intersectTable);
        _relationships.Add(relationship);
        var first = relationship.IntersectColumnFor(table1, second: false);
        var second = relationship.IntersectColumnFor(table2, second: true);
        _tables.Add(new TableBuilder(intersectTable)
            .Column(first, ColumnType.UniqueIdentifier, required: true)
            .Column(second, ColumnType.UniqueIdentifier, required: true)
            .AlternateKey(intersectTable + "_pair", first, second));
        return this;
    }

    /// <summary>A record present from the start; stored without running plug-ins.</summary>
    public InMemoryDataverseBuilder AddRecord(Entity record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records.Add(record);
        return this;
    }

    /// <summary>Registers a step; a registration the platform would refuse throws <see cref="StepRegistrationException"/> here.</summary>
    public InMemoryDataverseBuilder AddStep(StepRegistration step)
    {
        _steps.Add(step);
        return this;
    }

    public InMemoryDataverse Build()
    {
        var tables = new List<TableMetadata>();
        foreach (var table in _tables)
        {
            tables.Add(table.Build());
        }

        var metadata = new MetadataRegistry(tables, _relationships);
        foreach (var relationship in _relationships)
        {
            foreach (var table in new[] { relationship.Table1, relationship.Table2 })
            {
                if (!metadata.TryGetTable(table, out _))
                {
                    throw new ArgumentException($"Relationship '{relationship.SchemaName}' names table '{table}', which is not declared.");
                }
            }

            if (!relationship.IsManyToMany && (!metadata.TryGetTable(relationship.Table2, out var child) || !child.HasColumn(relationship.Column)))
            {
                throw new ArgumentException($"Relationship '{relationship.SchemaName}': table '{relationship.Table2}' has no lookup column '{relationship.Column}'.");
            }
        }

        var steps = _steps.Copy();
        steps.Validate(metadata);
        var engine = new InMemoryDataverse(metadata, steps, _time, _userId);
        foreach (var record in _records)
        {
            engine.Seed(record);
        }

        return engine;
    }
}
