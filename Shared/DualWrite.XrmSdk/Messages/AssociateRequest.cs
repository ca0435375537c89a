using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Links records through a relationship. Each property is backed by Parameters["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class AssociateRequest : OrganizationRequest
{
    /// <summary>Creates the request with RequestName "Associate".</summary>
    public AssociateRequest()
    {
        RequestName = "Associate";
    }

    /// <summary>The record to link from.</summary>
    public EntityReference Target
    {
        get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default;
        set => Parameters["Target"] = value;
    }

    /// <summary>The relationship to use.</summary>
    public Relationship Relationship
    {
        get => Parameters.Contains("Relationship") ? (Relationship)Parameters["Relationship"] : default;
        set => Parameters["Relationship"] = value;
    }

    /// <summary>The records to link to.</summary>
    public EntityReferenceCollection RelatedEntities
    {
        get => Parameters.Contains("RelatedEntities") ? (EntityReferenceCollection)Parameters["RelatedEntities"] : default;
        set => Parameters["RelatedEntities"] = value;
    }
}
