using System;
using System.Globalization;

namespace DualWrite.Core.Records;

/// <summary>
/// A Dataverse lookup as a record holds it: the referenced table and its id, its alternate-key value,
/// or both. The plug-in knows the id (an EntityReference); the key value is what F&amp;O needs.
/// </summary>
public sealed class LookupValue : IEquatable<LookupValue>
{
    public LookupValue(string logicalName, Guid? id, string? keyValue)
    {
        if (string.IsNullOrEmpty(logicalName))
        {
            throw new ArgumentException("A lookup names the table it references.", nameof(logicalName));
        }

        if (id is null && keyValue is null)
        {
            throw new ArgumentException("A lookup carries an id, a key value, or both.", nameof(id));
        }

        LogicalName = logicalName;
        Id = id;
        KeyValue = keyValue;
    }

    /// <summary>The referenced table's logical name (<c>msdyn_customergroup</c>).</summary>
    public string LogicalName { get; }

    /// <summary>The referenced record's id, when known.</summary>
    public Guid? Id { get; }

    /// <summary>The referenced record's alternate-key value (the F&amp;O code), when known.</summary>
    public string? KeyValue { get; }

    public static LookupValue ById(string logicalName, Guid id) => new(logicalName, id, null);

    public static LookupValue ByKey(string logicalName, string keyValue) => new(logicalName, null, keyValue);

    /// <summary>The same reference with its key value filled in (after the caller resolved it).</summary>
    public LookupValue WithKeyValue(string keyValue) => new(LogicalName, Id, keyValue);

    public bool Equals(LookupValue? other) =>
        other is not null
        && string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal)
        && Id == other.Id
        && string.Equals(KeyValue, other.KeyValue, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as LookupValue);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = StringComparer.Ordinal.GetHashCode(LogicalName);
            hash = (hash * 397) ^ Id.GetHashCode();
            return (hash * 397) ^ (KeyValue is null ? 0 : StringComparer.Ordinal.GetHashCode(KeyValue));
        }
    }

    public override string ToString() => KeyValue is not null
        ? string.Format(CultureInfo.InvariantCulture, "{0}({1})", LogicalName, KeyValue)
        : string.Format(CultureInfo.InvariantCulture, "{0}({1:D})", LogicalName, Id);
}
