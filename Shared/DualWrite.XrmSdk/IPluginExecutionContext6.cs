using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>Adds the environment and tenant ids.</summary>
public interface IPluginExecutionContext6 : IPluginExecutionContext5
{
    string EnvironmentId { get; }

    Guid TenantId { get; }
}
