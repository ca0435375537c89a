using System;
using System.Collections.Generic;
using DualWrite.Emulators.Dataverse.Metadata;

namespace DualWrite.Emulators.Dataverse.Builder;

/// <summary>
/// Describes one table for <see cref="InMemoryDataverseBuilder"/>. The primary key, createdon, modifiedon,
/// versionnumber, createdby, modifiedby, ownerid, statecode and statuscode columns are added for you.
/// </summary>
public sealed class TableBuilder
{
    private readonly List<ColumnMetadata> _columns = [];
    private readonly List<AlternateKeyMetadata> _keys = [];
    private string? _primaryId;
    private string? _primaryName;

    internal TableBuilder(string logicalName)
    {
        LogicalName = logicalName;
    }

    public string LogicalName { get; }

    /// <summary>Names the primary key column; the default is the table name followed by "id".</summary>
    public TableBuilder PrimaryKey(string column)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        _primaryId = column;
        return this;
    }

    /// <summary>Adds the primary name column (a string column).</summary>
    public TableBuilder PrimaryName(string column, bool required = false, int? maxLength = null)
    {
        _primaryName = column;
        return Column(column, ColumnType.String, required, maxLength);
    }

    public TableBuilder Column(string column, ColumnType type, bool required = false, int? maxLength = null)
    {
        _columns.Add(new ColumnMetadata(column, type) { IsRequired = required, MaxLength = maxLength });
        return this;
    }

    /// <summary>Adds a lookup column that may point at the given tables (none given: any table).</summary>
    public TableBuilder Lookup(string column, params string[] targets)
    {
        _columns.Add(new ColumnMetadata(column, ColumnType.Lookup) { Targets = targets });
        return this;
    }

    public TableBuilder Column(ColumnMetadata column)
    {
        ArgumentNullException.ThrowIfNull(column);
        _columns.Add(column);
        return this;
    }

    /// <summary>Adds an alternate key over the given columns; their combined values must be unique.</summary>
    public TableBuilder AlternateKey(string keyName, params string[] columns)
    {
        _keys.Add(new AlternateKeyMetadata(keyName, columns));
        return this;
    }

    internal TableMetadata Build()
    {
        var primaryId = _primaryId ?? LogicalName + "id";
        var columns = new List<ColumnMetadata>(_columns);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (!seen.Add(column.LogicalName))
            {
                throw new ArgumentException($"Table '{LogicalName}' declares column '{column.LogicalName}' twice.");
            }
        }

        void AddSystem(ColumnMetadata column)
        {
            if (seen.Add(column.LogicalName))
            {
                columns.Add(column);
            }
        }

        AddSystem(new ColumnMetadata(primaryId, ColumnType.UniqueIdentifier) { IsSystemManaged = true });
        AddSystem(new ColumnMetadata(SystemColumns.CreatedOn, ColumnType.DateTime) { IsSystemManaged = true });
        AddSystem(new ColumnMetadata(SystemColumns.ModifiedOn, ColumnType.DateTime) { IsSystemManaged = true });
        AddSystem(new ColumnMetadata(SystemColumns.VersionNumber, ColumnType.BigInt) { IsSystemManaged = true });
        AddSystem(new ColumnMetadata(SystemColumns.CreatedBy, ColumnType.Lookup) { IsSystemManaged = true, Targets = ["systemuser"] });
        AddSystem(new ColumnMetadata(SystemColumns.ModifiedBy, ColumnType.Lookup) { IsSystemManaged = true, Targets = ["systemuser"] });
        AddSystem(new ColumnMetadata(SystemColumns.OwnerId, ColumnType.Owner) { Targets = ["systemuser", "team"] });
        AddSystem(new ColumnMetadata(SystemColumns.StateCode, ColumnType.State));
        AddSystem(new ColumnMetadata(SystemColumns.StatusCode, ColumnType.Status));
        return new TableMetadata(LogicalName, primaryId, _primaryName, columns, _keys);
    }
}
