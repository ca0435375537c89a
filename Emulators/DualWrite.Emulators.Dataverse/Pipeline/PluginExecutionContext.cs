using System;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>
/// The execution context handed to a plug-in. One object implements every IPluginExecutionContext version so the
/// service provider can answer each of them with the same instance, as the platform does.
/// </summary>
public sealed class PluginExecutionContext : IPluginExecutionContext7
{
    public int Mode { get; internal set; }
    public int IsolationMode { get; internal set; } = 2; // sandbox
    public int Depth { get; internal set; }
    public string MessageName { get; internal set; } = string.Empty;
    public string PrimaryEntityName { get; internal set; } = string.Empty;
    public Guid? RequestId { get; internal set; }
    public string SecondaryEntityName { get; internal set; } = "none";
    public ParameterCollection InputParameters { get; internal set; } = new();
    public ParameterCollection OutputParameters { get; internal set; } = new();
    public ParameterCollection SharedVariables { get; internal set; } = new();
    public Guid UserId { get; internal set; }
    public Guid InitiatingUserId { get; internal set; }
    public Guid BusinessUnitId { get; internal set; }
    public Guid OrganizationId { get; internal set; }
    public string OrganizationName { get; internal set; } = string.Empty;
    public Guid PrimaryEntityId { get; internal set; }
    public EntityImageCollection PreEntityImages { get; internal set; } = new();
    public EntityImageCollection PostEntityImages { get; internal set; } = new();
    public EntityReference OwningExtension { get; internal set; } = new();
    public Guid CorrelationId { get; internal set; }
    public bool IsExecutingOffline { get; internal set; }
    public bool IsOfflinePlayback { get; internal set; }
    public bool IsInTransaction { get; internal set; }
    public Guid OperationId { get; internal set; }
    public DateTime OperationCreatedOn { get; internal set; }
    public int Stage { get; internal set; }
    public IPluginExecutionContext ParentContext { get; internal set; } = null!;
    public Guid UserAzureActiveDirectoryObjectId { get; internal set; }
    public Guid InitiatingUserAzureActiveDirectoryObjectId { get; internal set; }
    public Guid InitiatingUserApplicationId { get; internal set; }
    public Guid PortalsContactId { get; internal set; }
    public bool IsPortalsClientCall { get; internal set; }
    public Guid AuthenticatedUserId { get; internal set; }
    public EntityImageCollection[] PreEntityImagesCollection { get; internal set; } = [];
    public EntityImageCollection[] PostEntityImagesCollection { get; internal set; } = [];
    public string InitiatingUserAgent { get; internal set; } = "DualWrite.Emulators.Dataverse";
    public string EnvironmentId { get; internal set; } = string.Empty;
    public Guid TenantId { get; internal set; }
    public bool IsApplicationUser { get; internal set; }

    /// <summary>A copy sharing the parameter collections, for another step of the same stage (images differ per step).</summary>
    internal PluginExecutionContext CloneForStep() => (PluginExecutionContext)MemberwiseClone();
}
