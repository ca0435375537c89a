using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>Adds Azure AD and portal identities of the caller.</summary>
public interface IPluginExecutionContext2 : IPluginExecutionContext
{
    Guid UserAzureActiveDirectoryObjectId { get; }

    Guid InitiatingUserAzureActiveDirectoryObjectId { get; }

    Guid InitiatingUserApplicationId { get; }

    Guid PortalsContactId { get; }

    bool IsPortalsClientCall { get; }
}
