using System;
using System.Threading;
using Microsoft.Xrm.Sdk;

namespace DualWrite.EndToEnd.Tests.Dashboard;

/// <summary>
/// A customer's plug-in on account updates that refuses, while switched on, any account whose description carries
/// <see cref="Marker"/>: the listener's write fails for good (a 400), so the record lands in the error queue; switched
/// off, a retry goes through.
/// </summary>
internal sealed class RefusalSwitch : IPlugin
{
    public const string Marker = "[refuse]";

    private int on;

    public bool On
    {
        get => Volatile.Read(ref on) == 1;
        set => Volatile.Write(ref on, value ? 1 : 0);
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        if (On && context.InputParameters.TryGetValue("Target", out var target) && target is Entity entity
            && entity.Attributes.TryGetValue("description", out var description) && description is string text && text.Contains(Marker, StringComparison.Ordinal))
        {
            throw new InvalidPluginExecutionException("Contoso's rule: descriptions marked " + Marker + " are refused while the rule is on.");
        }
    }
}
