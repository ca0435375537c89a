using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A message sent through <see cref="IOrganizationService.Execute"/>: a name plus
/// parameters. Typed message classes are thin views over <see cref="Parameters"/>.</summary>
[DataContract(Name = "OrganizationRequest", Namespace = XmlNamespaces.Contracts)]
public class OrganizationRequest : IExtensibleDataObject
{
    private ParameterCollection _parameters;

    /// <summary>Creates a request with no name.</summary>
    public OrganizationRequest()
    {
    }

    /// <summary>Creates a request for a named message (e.g. a custom API).</summary>
    public OrganizationRequest(string requestName)
    {
        RequestName = requestName;
    }

    /// <summary>The message name, e.g. "Create".</summary>
    [DataMember]
    public string RequestName { get; set; }

    /// <summary>The parameters; created on first use.</summary>
    [DataMember]
    public ParameterCollection Parameters
    {
        get => _parameters ??= new ParameterCollection();
        set => _parameters = value;
    }

    /// <summary>An optional caller-chosen id for the request.</summary>
    [DataMember]
    public Guid? RequestId { get; set; }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Reads or writes a parameter.</summary>
    public object this[string parameterName]
    {
        get => Parameters[parameterName];
        set => Parameters[parameterName] = value;
    }
}
