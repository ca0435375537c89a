using System;
using System.Reflection;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Client;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// A late-bound record: logical name, id and a bag of attribute values. Behaviour mirrors the real
/// SDK closely because plug-in code depends on it (missing keys throw on the indexer but not in
/// <see cref="GetAttributeValue{T}"/>, <see cref="ToEntity{T}"/> is shallow).
/// </summary>
[DataContract(Name = "Entity", Namespace = XmlNamespaces.Contracts)]
public class Entity : IExtensibleDataObject
{
    private Guid _id;
    private AttributeCollection _attributes;
    private FormattedValueCollection _formattedValues;
    private RelatedEntityCollection _relatedEntities;
    private KeyAttributeCollection _keyAttributes;

    /// <summary>Creates an entity with no logical name.</summary>
    public Entity()
    {
    }

    /// <summary>Creates an entity of the given table.</summary>
    public Entity(string entityName)
    {
        LogicalName = entityName;
    }

    /// <summary>Creates an entity of the given table and id.</summary>
    public Entity(string entityName, Guid id)
    {
        LogicalName = entityName;
        _id = id;
    }

    /// <summary>Creates an entity identified by a single alternate-key value.</summary>
    public Entity(string entityName, string keyName, object keyValue)
    {
        LogicalName = entityName;
        KeyAttributes[keyName] = keyValue;
    }

    /// <summary>Creates an entity identified by alternate-key values.</summary>
    public Entity(string entityName, KeyAttributeCollection keyAttributes)
    {
        LogicalName = entityName;
        _keyAttributes = keyAttributes;
    }

    /// <summary>The table's logical name.</summary>
    [DataMember]
    public string LogicalName { get; set; }

    /// <summary>The primary key; virtual so early-bound classes can map it to their id attribute.</summary>
    [DataMember]
    public virtual Guid Id
    {
        get => _id;
        set => _id = value;
    }

    /// <summary>The attribute values; created on first use.</summary>
    [DataMember]
    public AttributeCollection Attributes
    {
        get => _attributes ??= new AttributeCollection();
        set => _attributes = value;
    }

    /// <summary>Change-tracking state used by the service context and deep operations.</summary>
    [DataMember]
    public EntityState? EntityState { get; set; }

    /// <summary>Display text for attribute values; only the platform fills it, hence the internal setter.</summary>
    [DataMember]
    public FormattedValueCollection FormattedValues
    {
        get => _formattedValues ??= new FormattedValueCollection();
        internal set => _formattedValues = value;
    }

    /// <summary>Related records; only the platform replaces the collection, hence the internal setter.</summary>
    [DataMember]
    public RelatedEntityCollection RelatedEntities
    {
        get => _relatedEntities ??= new RelatedEntityCollection();
        internal set => _relatedEntities = value;
    }

    /// <summary>The row version for optimistic concurrency.</summary>
    [DataMember]
    public string RowVersion { get; set; }

    /// <summary>Alternate-key values; created on first use.</summary>
    [DataMember]
    public KeyAttributeCollection KeyAttributes
    {
        get => _keyAttributes ??= new KeyAttributeCollection();
        set => _keyAttributes = value;
    }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Reads or writes an attribute value; reading a missing attribute throws
    /// <see cref="System.Collections.Generic.KeyNotFoundException"/>.</summary>
    public object this[string attributeName]
    {
        get
        {
            CheckAttributeName(attributeName, nameof(attributeName));
            return Attributes[attributeName];
        }

        set
        {
            CheckAttributeName(attributeName, nameof(attributeName));
            Attributes[attributeName] = value;
        }
    }

    /// <summary>Whether the attribute is present (its value may still be null).</summary>
    public bool Contains(string attributeName)
    {
        CheckAttributeName(attributeName, nameof(attributeName));
        return Attributes.Contains(attributeName);
    }

    /// <summary>Returns the value cast to <typeparamref name="T"/>, or default when the attribute is
    /// missing or null. A value of another type throws <see cref="InvalidCastException"/>, as in the
    /// real SDK.</summary>
    public virtual T GetAttributeValue<T>(string attributeLogicalName)
    {
        CheckAttributeName(attributeLogicalName, nameof(attributeLogicalName));
        if (!Attributes.TryGetValue(attributeLogicalName, out var value) || value == null)
        {
            return default;
        }

        return (T)value;
    }

    /// <summary>Reads a value without throwing: false when the attribute is missing or holds a value
    /// of another type.</summary>
    public bool TryGetAttributeValue<T>(string attributeKey, out T result)
    {
        CheckAttributeName(attributeKey, nameof(attributeKey));
        if (Attributes.TryGetValue(attributeKey, out var value))
        {
            if (value is T typed)
            {
                result = typed;
                return true;
            }

            if (value == null && default(T) == null)
            {
                result = default;
                return true;
            }
        }

        result = default;
        return false;
    }

    /// <summary>
    /// Converts to another entity class. For <see cref="Entity"/> itself the result is a shallow copy
    /// that shares <see cref="Attributes"/> (and the other collections) with this instance; for an
    /// early-bound class <typeparamref name="T"/> must carry <see cref="EntityLogicalNameAttribute"/>.
    /// </summary>
    public T ToEntity<T>()
        where T : Entity
    {
        if (typeof(T) == typeof(Entity))
        {
            var copy = new Entity();
            ShallowCopyTo(copy);
            return (T)copy;
        }

        var attribute = typeof(T).GetTypeInfo().GetCustomAttribute<EntityLogicalNameAttribute>();
        if (attribute == null)
        {
            throw new NotSupportedException(
                $"Type {typeof(T).FullName} has no [EntityLogicalName] attribute, so it cannot be converted from an Entity.");
        }

        if (!string.IsNullOrEmpty(LogicalName) && !string.Equals(LogicalName, attribute.LogicalName, StringComparison.Ordinal))
        {
            throw new NotSupportedException(
                $"Cannot convert an entity of table '{LogicalName}' to {typeof(T).FullName}, which is table '{attribute.LogicalName}'.");
        }

        var target = (T)Activator.CreateInstance(typeof(T));
        ShallowCopyTo(target);
        return target;
    }

    /// <summary>A reference to this record: logical name, id and row version. Alternate keys are not
    /// copied, matching the real SDK.</summary>
    public EntityReference ToEntityReference()
    {
        return new EntityReference(LogicalName, Id) { RowVersion = RowVersion };
    }

    /// <summary>Writes an attribute; early-bound property setters call this.</summary>
    protected virtual void SetAttributeValue(string attributeLogicalName, object value)
    {
        CheckAttributeName(attributeLogicalName, nameof(attributeLogicalName));
        Attributes[attributeLogicalName] = value;
    }

    /// <summary>The display text of an attribute, or null when the platform supplied none.</summary>
    protected virtual string GetFormattedAttributeValue(string attributeLogicalName)
    {
        CheckAttributeName(attributeLogicalName, nameof(attributeLogicalName));
        return FormattedValues.TryGetValue(attributeLogicalName, out var text) ? text : null;
    }

    private void ShallowCopyTo(Entity target)
    {
        target.LogicalName = LogicalName;
        target.Id = Id;
        target.EntityState = EntityState;
        target._attributes = Attributes;
        target._formattedValues = FormattedValues;
        target._relatedEntities = RelatedEntities;
        target._keyAttributes = KeyAttributes;
        target.RowVersion = RowVersion;
        target.ExtensionData = ExtensionData;
    }

    private static void CheckAttributeName(string name, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentNullException(parameterName);
        }
    }
}
