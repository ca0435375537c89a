using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>One sort column of a query.</summary>
[DataContract(Name = "OrderExpression", Namespace = XmlNamespaces.Contracts)]
public sealed class OrderExpression : IExtensibleDataObject
{
    /// <summary>Creates an empty sort.</summary>
    public OrderExpression()
    {
    }

    /// <summary>Creates a sort on an attribute.</summary>
    public OrderExpression(string attributeName, OrderType orderType)
    {
        AttributeName = attributeName;
        OrderType = orderType;
    }

    /// <summary>The attribute sorted on.</summary>
    [DataMember]
    public string AttributeName { get; set; }

    /// <summary>The direction.</summary>
    [DataMember]
    public OrderType OrderType { get; set; }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }
}
