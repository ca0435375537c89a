using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Points at a record by table and id (or alternate key). Value equality, as in the real
/// SDK, so references can be compared and used as keys.</summary>
[Serializable]
[DataContract(Name = "EntityReference", Namespace = XmlNamespaces.Contracts)]
public sealed class EntityReference : IExtensibleDataObject
{
    private KeyAttributeCollection _keyAttributes;

    /// <summary>Creates an empty reference.</summary>
    public EntityReference()
    {
    }

    /// <summary>Creates a reference to a table with no id yet.</summary>
    public EntityReference(string logicalName)
    {
        LogicalName = logicalName;
    }

    /// <summary>Creates a reference by table and id.</summary>
    public EntityReference(string logicalName, Guid id)
    {
        LogicalName = logicalName;
        Id = id;
    }

    /// <summary>Creates a reference by a single alternate-key value.</summary>
    public EntityReference(string logicalName, string keyName, object keyValue)
    {
        LogicalName = logicalName;
        KeyAttributes[keyName] = keyValue;
    }

    /// <summary>Creates a reference by alternate-key values.</summary>
    public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
    {
        LogicalName = logicalName;
        _keyAttributes = keyAttributeCollection;
    }

    /// <summary>The record id.</summary>
    [DataMember]
    public Guid Id { get; set; }

    /// <summary>The table's logical name.</summary>
    [DataMember]
    public string LogicalName { get; set; }

    /// <summary>The record's primary name, when the platform supplies it.</summary>
    [DataMember]
    public string Name { get; set; }

    /// <summary>Alternate-key values; created on first use.</summary>
    [DataMember]
    public KeyAttributeCollection KeyAttributes
    {
        get => _keyAttributes ??= new KeyAttributeCollection();
        set => _keyAttributes = value;
    }

    /// <summary>The row version for optimistic concurrency.</summary>
    [DataMember]
    public string RowVersion { get; set; }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Equal when id, logical name (ordinal) and alternate keys all match.</summary>
    public override bool Equals(object obj)
    {
        if (ReferenceEquals(this, obj))
        {
            return true;
        }

        return obj is EntityReference other
            && Id == other.Id
            && string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal)
            && KeyAttributesEqual(_keyAttributes, other._keyAttributes);
    }

    /// <summary>Hashes id and logical name (alternate keys only narrow equality further).</summary>
    public override int GetHashCode()
    {
        unchecked
        {
            return (Id.GetHashCode() * 397) ^ (LogicalName == null ? 0 : StringComparer.Ordinal.GetHashCode(LogicalName));
        }
    }

    private static bool KeyAttributesEqual(KeyAttributeCollection left, KeyAttributeCollection right)
    {
        var leftCount = left?.Count ?? 0;
        var rightCount = right?.Count ?? 0;
        if (leftCount != rightCount)
        {
            return false;
        }

        if (leftCount == 0)
        {
            return true;
        }

        foreach (var pair in left)
        {
            if (!right.TryGetValue(pair.Key, out var value) || !Equals(pair.Value, value))
            {
                return false;
            }
        }

        return true;
    }
}
