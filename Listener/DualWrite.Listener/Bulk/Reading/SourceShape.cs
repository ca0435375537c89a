using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Keys;
using DualWrite.Core.Maps;
using DualWrite.Listener.Applying;

namespace DualWrite.Listener.Bulk.Reading;

/// <summary>
/// What a keyset read of one side of a map asks for, cursor aside: the entity set, the key columns it orders by,
/// the columns it selects and the filter (the map's, and the company's). A company read leaves the company column
/// out of the key (every row has the same one), so both sides of a company order by the same business key.
/// </summary>
public sealed record SourceShape(string EntitySet, IReadOnlyList<KeyColumn> Keys, IReadOnlyList<string> Select, string? Filter)
{
    /// <summary>The F&amp;O side: the entity's key fields, every F&amp;O field of the map, the map's filter and <c>dataAreaId eq 'usmf'</c>.</summary>
    public static SourceShape FinOps(TableMap map, string? company)
    {
        ArgumentNullException.ThrowIfNull(map);
        var companyField = map.Company?.FinOpsField;
        var keys = map.FinOps.KeyFields
            .Where(field => company is null || !string.Equals(field, companyField, StringComparison.OrdinalIgnoreCase))
            .Select(field => new KeyColumn(field, FinOpsType(map, field)))
            .ToList();
        var select = new List<string>();
        void Add(string? name)
        {
            if (name is not null && !select.Contains(name, StringComparer.Ordinal))
            {
                select.Add(name);
            }
        }

        foreach (var key in map.FinOps.KeyFields)
        {
            Add(key);
        }

        Add(companyField);
        foreach (var field in map.Fields)
        {
            Add(field.FinOpsField);
        }

        var companyFilter = company is null || companyField is null
            ? null
            : companyField + " eq " + ODataLiteral.Format(CompanyStriping.ToFinOpsCode(company));
        return new SourceShape(map.FinOps.EntitySet, keys, select, KeysetFilter.And(map.FinOps.FilterText, companyFilter));
    }

    /// <summary>
    /// The Dataverse side: the alternate-key columns (lookups as <c>_x_value</c>), the columns mapping needs both
    /// ways, the map's filter and, for a company, <c>_msdyn_company_value eq {companyId}</c>.
    /// </summary>
    public static SourceShape Dataverse(TableMap map, Guid? companyId)
    {
        ArgumentNullException.ThrowIfNull(map);
        var companyColumn = map.Company?.DataverseField;
        var keys = map.Dataverse.KeyFields
            .Where(column => companyId is null || !string.Equals(column, companyColumn, StringComparison.OrdinalIgnoreCase))
            .Select(column => DataverseKey(map, column))
            .ToList();
        var select = new List<string>();
        foreach (var name in keys.Select(k => k.Property).Concat(DataverseRecordReader.SelectFor(map)).Concat(DataverseRecordReader.SelectForFinOps(map)))
        {
            if (!select.Contains(name, StringComparer.Ordinal))
            {
                select.Add(name);
            }
        }

        var companyFilter = companyId is Guid id && companyColumn is not null
            ? DataverseRecordReader.LookupProperty(companyColumn) + " eq " + ODataLiteral.Format(id)
            : null;
        return new SourceShape(map.Dataverse.EntitySet, keys, select, KeysetFilter.And(map.Dataverse.FilterText, companyFilter));
    }

    private static FieldType FinOpsType(TableMap map, string field) =>
        map.Fields.FirstOrDefault(f => string.Equals(f.FinOpsField, field, StringComparison.Ordinal))?.FinOpsType ?? FieldType.String;

    private static KeyColumn DataverseKey(TableMap map, string column)
    {
        if (map.Company is { } company && string.Equals(company.DataverseField, column, StringComparison.OrdinalIgnoreCase))
        {
            return new KeyColumn(DataverseRecordReader.LookupProperty(column), FieldType.Lookup);
        }

        var field = map.Fields.FirstOrDefault(f => string.Equals(f.DataverseField, column, StringComparison.Ordinal));
        return field?.Lookup is not null
            ? new KeyColumn(DataverseRecordReader.LookupProperty(column), FieldType.Lookup)
            : new KeyColumn(column, field?.DataverseType ?? FieldType.String);
    }
}
