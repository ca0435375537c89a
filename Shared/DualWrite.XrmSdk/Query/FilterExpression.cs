using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A group of conditions and nested filters joined by And or Or.</summary>
[DataContract(Name = "FilterExpression", Namespace = XmlNamespaces.Contracts)]
public sealed class FilterExpression : IExtensibleDataObject
{
    private DataCollection<ConditionExpression> _conditions;
    private DataCollection<FilterExpression> _filters;

    /// <summary>Creates an And filter.</summary>
    public FilterExpression()
    {
    }

    /// <summary>Creates a filter with the given operator.</summary>
    public FilterExpression(LogicalOperator filterOperator)
    {
        FilterOperator = filterOperator;
    }

    /// <summary>How the conditions and nested filters combine.</summary>
    [DataMember]
    public LogicalOperator FilterOperator { get; set; }

    /// <summary>The conditions; the collection cannot be replaced.</summary>
    [DataMember]
    public DataCollection<ConditionExpression> Conditions
    {
        get => _conditions ??= new DataCollection<ConditionExpression>();
        private set => _conditions = value;
    }

    /// <summary>Nested filters; the collection cannot be replaced.</summary>
    [DataMember]
    public DataCollection<FilterExpression> Filters
    {
        get => _filters ??= new DataCollection<FilterExpression>();
        private set => _filters = value;
    }

    /// <summary>Whether this is the quick-find filter of a view.</summary>
    [DataMember]
    public bool IsQuickFindFilter { get; set; }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Adds a condition on an attribute of the query's table.</summary>
    public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values)
    {
        Conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));
    }

    /// <summary>Adds a condition on an attribute of a linked table (by alias or name).</summary>
    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
    {
        Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));
    }

    /// <summary>Adds a condition.</summary>
    public void AddCondition(ConditionExpression condition)
    {
        Conditions.Add(condition);
    }

    /// <summary>Adds a nested filter and returns it for further conditions.</summary>
    public FilterExpression AddFilter(LogicalOperator logicalOperator)
    {
        var filter = new FilterExpression(logicalOperator);
        Filters.Add(filter);
        return filter;
    }

    /// <summary>Adds a nested filter.</summary>
    public void AddFilter(FilterExpression childFilter)
    {
        Filters.Add(childFilter);
    }
}
