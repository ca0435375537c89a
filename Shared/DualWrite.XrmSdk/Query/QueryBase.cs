using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>
/// The base of every query RetrieveMultiple accepts. It has an internal abstract member, as the real
/// SDK does, so code outside this assembly cannot invent its own query types.
/// </summary>
[DataContract(Name = "QueryBase", Namespace = XmlNamespaces.Contracts)]
[KnownType(typeof(QueryExpression))]
[KnownType(typeof(QueryByAttribute))]
[KnownType(typeof(FetchExpression))]
public abstract class QueryBase : IExtensibleDataObject
{
    internal QueryBase()
    {
    }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>The table the query reads, or null when only the query text names it (FetchXML).
    /// Internal and abstract: it keeps the hierarchy closed and lets the in-memory platform route.</summary>
    internal abstract string TargetEntityName { get; }
}
