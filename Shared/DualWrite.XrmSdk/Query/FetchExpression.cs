using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A FetchXML query.</summary>
[DataContract(Name = "FetchExpression", Namespace = XmlNamespaces.Contracts)]
public sealed class FetchExpression : QueryBase
{
    /// <summary>Creates an empty query.</summary>
    public FetchExpression()
    {
    }

    /// <summary>Creates a query from FetchXML text.</summary>
    public FetchExpression(string query)
    {
        Query = query;
    }

    /// <summary>The FetchXML text.</summary>
    [DataMember]
    public string Query { get; set; }

    /// <summary>Only the FetchXML names the table.</summary>
    internal override string TargetEntityName => null;
}
