using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The answer to an <see cref="OrganizationRequest"/>: a name plus results. Typed response
/// classes are read-only views over <see cref="Results"/>.</summary>
[DataContract(Name = "OrganizationResponse", Namespace = XmlNamespaces.Contracts)]
public class OrganizationResponse : IExtensibleDataObject
{
    private ParameterCollection _results;

    /// <summary>The message name.</summary>
    [DataMember]
    public string ResponseName { get; set; }

    /// <summary>The results; created on first use.</summary>
    [DataMember]
    public ParameterCollection Results
    {
        get => _results ??= new ParameterCollection();
        set => _results = value;
    }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Reads or writes a result.</summary>
    public object this[string parameterName]
    {
        get => Results[parameterName];
        set => Results[parameterName] = value;
    }
}
