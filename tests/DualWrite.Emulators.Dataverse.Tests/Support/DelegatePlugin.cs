using System;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Tests.Support;

/// <summary>A plug-in whose body is a lambda, for tests that need a one-off behaviour.</summary>
internal sealed class DelegatePlugin : IPlugin
{
    private readonly Action<PluginScope> _body;

    public DelegatePlugin(Action<PluginScope> body)
    {
        _body = body;
    }

    public void Execute(IServiceProvider serviceProvider) => _body(new PluginScope(serviceProvider));
}

/// <summary>What a plug-in usually pulls out of its service provider.</summary>
internal sealed class PluginScope
{
    public PluginScope(IServiceProvider provider)
    {
        Provider = provider;
        Context = (IPluginExecutionContext)provider.GetService(typeof(IPluginExecutionContext))!;
        Tracing = (ITracingService)provider.GetService(typeof(ITracingService))!;
        var factory = (IOrganizationServiceFactory)provider.GetService(typeof(IOrganizationServiceFactory))!;
        Service = factory.CreateOrganizationService(Context.UserId);
    }

    public IServiceProvider Provider { get; }

    public IPluginExecutionContext Context { get; }

    public ITracingService Tracing { get; }

    public IOrganizationService Service { get; }

    public Entity Target => (Entity)Context.InputParameters["Target"];
}
