using System;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>
/// The IServiceProvider passed to IPlugin.Execute: the same context for every execution-context interface,
/// the tracing service and the organization service factory.
/// </summary>
internal sealed class PluginServiceProvider : IServiceProvider
{
    private readonly PluginExecutionContext _context;
    private readonly ITracingService _tracing;
    private readonly IOrganizationServiceFactory _factory;

    public PluginServiceProvider(PluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory)
    {
        _context = context;
        _tracing = tracing;
        _factory = factory;
    }

    public object? GetService(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceType == typeof(IExecutionContext)
            || serviceType == typeof(IPluginExecutionContext)
            || serviceType == typeof(IPluginExecutionContext2)
            || serviceType == typeof(IPluginExecutionContext3)
            || serviceType == typeof(IPluginExecutionContext4)
            || serviceType == typeof(IPluginExecutionContext5)
            || serviceType == typeof(IPluginExecutionContext6)
            || serviceType == typeof(IPluginExecutionContext7))
        {
            return _context;
        }

        if (serviceType == typeof(ITracingService))
        {
            return _tracing;
        }

        if (serviceType == typeof(IOrganizationServiceFactory))
        {
            return _factory;
        }

        return null;
    }
}
