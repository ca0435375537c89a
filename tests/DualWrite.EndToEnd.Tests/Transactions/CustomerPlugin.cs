using System;
using Microsoft.Xrm.Sdk;

namespace DualWrite.EndToEnd.Tests.Transactions;

/// <summary>A customer's own plug-in that refuses any account whose description says so: it fails the save after ours ran.</summary>
public sealed class CustomerPlugin : IPlugin
{
    public const string Refuse = "refused by the customer's plug-in";

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        if (context.InputParameters.TryGetValue("Target", out var target) && target is Entity entity
            && entity.Attributes.TryGetValue("description", out var description) && description is string text && text.Contains(Refuse, StringComparison.Ordinal))
        {
            throw new InvalidPluginExecutionException("Contoso's rule: " + Refuse + ".");
        }
    }
}
