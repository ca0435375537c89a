using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Display text for attribute values (option labels, formatted money). Sealed: confirmed on learn.microsoft.com (FormattedValueCollection class, public sealed, DataCollection<string,string>).</summary>
[CollectionDataContract(Name = "FormattedValueCollection", Namespace = XmlNamespaces.Contracts)]
public sealed class FormattedValueCollection : DataCollection<string, string>
{
    /// <summary>Creates an empty collection.</summary>
    public FormattedValueCollection()
    {
    }
}
