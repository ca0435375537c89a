using System;
using System.Collections.Generic;

namespace DualWrite.Core.Records;

/// <summary>
/// A neutral record of either side: field name → typed value, plus the legal entity it belongs to.
/// A field that is absent was not supplied (a partial record, such as a plug-in's changed columns);
/// a field that holds <see cref="RecordValue.Null"/> is known to be empty. Field names are compared
/// ordinally: both services' names are case-sensitive.
/// </summary>
public sealed class DataRecord
{
    private readonly Dictionary<string, RecordValue> _index;
    private readonly List<KeyValuePair<string, RecordValue>> _fields;

    public DataRecord(IEnumerable<KeyValuePair<string, RecordValue>> fields, string? company = null)
    {
        if (fields is null)
        {
            throw new ArgumentNullException(nameof(fields));
        }

        _index = new Dictionary<string, RecordValue>(StringComparer.Ordinal);
        _fields = new List<KeyValuePair<string, RecordValue>>();
        foreach (var field in fields)
        {
            if (string.IsNullOrEmpty(field.Key))
            {
                throw new ArgumentException("A record field has a name.", nameof(fields));
            }

            var value = field.Value ?? RecordValue.Null;
            if (_index.ContainsKey(field.Key))
            {
                throw new ArgumentException("Record field '" + field.Key + "' is given twice.", nameof(fields));
            }

            _index.Add(field.Key, value);
            _fields.Add(new KeyValuePair<string, RecordValue>(field.Key, value));
        }

        Company = company;
    }

    /// <summary>
    /// The legal entity (F&amp;O <c>dataAreaId</c> / Dataverse <c>cdm_companycode</c>) of a
    /// company-specific record; null for a global one. The engine compares it case-insensitively.
    /// </summary>
    public string? Company { get; }

    /// <summary>The fields in the order they were given.</summary>
    public IReadOnlyList<KeyValuePair<string, RecordValue>> Fields => _fields;

    public bool Contains(string field) => _index.ContainsKey(field);

    public bool TryGetValue(string field, out RecordValue value)
    {
        if (_index.TryGetValue(field, out var found))
        {
            value = found;
            return true;
        }

        value = RecordValue.Null;
        return false;
    }

    /// <summary>The value of a field, or null when the record does not carry it.</summary>
    public RecordValue? this[string field] => _index.TryGetValue(field, out var value) ? value : null;

    /// <summary>A copy with one field added or replaced (e.g. a lookup whose key value was resolved).</summary>
    public DataRecord With(string field, RecordValue value)
    {
        var fields = new List<KeyValuePair<string, RecordValue>>(_fields.Count + 1);
        var replaced = false;
        foreach (var existing in _fields)
        {
            if (string.Equals(existing.Key, field, StringComparison.Ordinal))
            {
                fields.Add(new KeyValuePair<string, RecordValue>(field, value));
                replaced = true;
            }
            else
            {
                fields.Add(existing);
            }
        }

        if (!replaced)
        {
            fields.Add(new KeyValuePair<string, RecordValue>(field, value));
        }

        return new DataRecord(fields, Company);
    }
}
