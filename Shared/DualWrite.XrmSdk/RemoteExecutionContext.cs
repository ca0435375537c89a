using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// The serializable execution context: the JSON body Dataverse webhooks and service endpoints post.
/// Settable data members so a receiver can deserialize it; <see cref="ParentContext"/> is typed as
/// this class and implements the interface member explicitly, as in the real SDK.
/// </summary>
[DataContract(Name = "RemoteExecutionContext", Namespace = XmlNamespaces.Contracts)]
public sealed class RemoteExecutionContext : IPluginExecutionContext, IExecutionContext, IExtensibleDataObject
{
    /// <summary>Creates a context with empty parameter and image collections.</summary>
    public RemoteExecutionContext()
    {
        InputParameters = new ParameterCollection();
        OutputParameters = new ParameterCollection();
        SharedVariables = new ParameterCollection();
        PreEntityImages = new EntityImageCollection();
        PostEntityImages = new EntityImageCollection();
    }

    [DataMember]
    public int Mode { get; set; }

    [DataMember]
    public int IsolationMode { get; set; }

    [DataMember]
    public int Depth { get; set; }

    [DataMember]
    public string MessageName { get; set; }

    [DataMember]
    public string PrimaryEntityName { get; set; }

    [DataMember]
    public Guid? RequestId { get; set; }

    [DataMember]
    public string SecondaryEntityName { get; set; }

    [DataMember]
    public ParameterCollection InputParameters { get; set; }

    [DataMember]
    public ParameterCollection OutputParameters { get; set; }

    [DataMember]
    public ParameterCollection SharedVariables { get; set; }

    [DataMember]
    public Guid UserId { get; set; }

    [DataMember]
    public Guid InitiatingUserId { get; set; }

    [DataMember]
    public Guid BusinessUnitId { get; set; }

    [DataMember]
    public Guid OrganizationId { get; set; }

    [DataMember]
    public string OrganizationName { get; set; }

    [DataMember]
    public Guid PrimaryEntityId { get; set; }

    [DataMember]
    public EntityImageCollection PreEntityImages { get; set; }

    [DataMember]
    public EntityImageCollection PostEntityImages { get; set; }

    [DataMember]
    public EntityReference OwningExtension { get; set; }

    [DataMember]
    public Guid CorrelationId { get; set; }

    [DataMember]
    public bool IsExecutingOffline { get; set; }

    [DataMember]
    public bool IsOfflinePlayback { get; set; }

    [DataMember]
    public bool IsInTransaction { get; set; }

    [DataMember]
    public Guid OperationId { get; set; }

    [DataMember]
    public DateTime OperationCreatedOn { get; set; }

    [DataMember]
    public int Stage { get; set; }

    /// <summary>The context of the operation that triggered this one, if any.</summary>
    [DataMember]
    public RemoteExecutionContext ParentContext { get; set; }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    IPluginExecutionContext IPluginExecutionContext.ParentContext => ParentContext;
}
