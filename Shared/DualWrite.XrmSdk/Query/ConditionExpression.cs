using System;
using System.Collections;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>One comparison: attribute, operator, values. The constructor overloads are the eight of
/// the real SDK (confirmed on learn.microsoft.com, ConditionExpression constructor overload list).</summary>
[DataContract(Name = "ConditionExpression", Namespace = XmlNamespaces.Contracts)]
public sealed class ConditionExpression : IExtensibleDataObject
{
    private DataCollection<object> _values;

    /// <summary>Creates an empty condition.</summary>
    public ConditionExpression()
    {
    }

    /// <summary>Creates a condition with no values (e.g. Null, Today).</summary>
    public ConditionExpression(string attributeName, ConditionOperator conditionOperator)
        : this(null, attributeName, conditionOperator, Array.Empty<object>())
    {
    }

    /// <summary>Creates a condition with one value.</summary>
    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object value)
        : this(null, attributeName, conditionOperator, new[] { value })
    {
    }

    /// <summary>Creates a condition with several values (In, Between).</summary>
    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object[] values)
        : this(null, attributeName, conditionOperator, values)
    {
    }

    /// <summary>Creates a condition whose values come from a collection.</summary>
    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, ICollection values)
    {
        AttributeName = attributeName;
        Operator = conditionOperator;
        if (values != null)
        {
            foreach (var value in values)
            {
                Values.Add(value);
            }
        }
    }

    /// <summary>Creates a condition with no values on a linked table's attribute.</summary>
    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator)
        : this(entityName, attributeName, conditionOperator, Array.Empty<object>())
    {
    }

    /// <summary>Creates a condition with one value on a linked table's attribute.</summary>
    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, object value)
        : this(entityName, attributeName, conditionOperator, new[] { value })
    {
    }

    /// <summary>Creates a condition with several values on a linked table's attribute.</summary>
    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
    {
        EntityName = entityName;
        AttributeName = attributeName;
        Operator = conditionOperator;
        if (values != null)
        {
            Values.AddRange(values);
        }
    }

    /// <summary>The linked table (alias or name) the attribute belongs to; null for the query's table.</summary>
    [DataMember]
    public string EntityName { get; set; }

    /// <summary>The attribute compared.</summary>
    [DataMember]
    public string AttributeName { get; set; }

    /// <summary>The comparison.</summary>
    [DataMember]
    public ConditionOperator Operator { get; set; }

    /// <summary>The values compared against; the collection cannot be replaced.</summary>
    [DataMember]
    public DataCollection<object> Values
    {
        get => _values ??= new DataCollection<object>();
        private set => _values = value;
    }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }
}
