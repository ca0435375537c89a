using System;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Listener.Tests.Applying;

/// <summary>A customer's own validation in Dataverse: refuses to save an account of the given name, as a plug-in would.</summary>
internal sealed class RefuseNamedAccountPlugin(string refusedName) : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var target = (Entity)context.InputParameters["Target"];
        if (string.Equals(target.GetAttributeValue<string>("name"), refusedName, StringComparison.Ordinal))
        {
            throw new InvalidPluginExecutionException("Account names may not be '" + refusedName + "'.");
        }
    }
}
