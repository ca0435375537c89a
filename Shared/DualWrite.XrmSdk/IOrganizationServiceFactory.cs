using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>Creates organization services running as a given user inside the plug-in pipeline.</summary>
public interface IOrganizationServiceFactory
{
    /// <summary>A service acting as <paramref name="userId"/>; null means the calling user.</summary>
    IOrganizationService CreateOrganizationService(Guid? userId);
}
