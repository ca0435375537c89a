using System;
using System.Collections.Concurrent;
using Microsoft.Xrm.Sdk;

namespace DualWrite.EndToEnd.Tests.Support;

/// <summary>
/// Refuses a new record as our write-through plug-in does when F&amp;O throttles or fails: with
/// InvalidPluginExecutionException and a PluginHttpStatusCode, taken in turn from the script of the record's
/// primary name. A name without (or past the end of) a script is let through.
/// </summary>
internal sealed class ScriptedRefusalPlugin(ConcurrentDictionary<string, ConcurrentQueue<PluginHttpStatusCode>> scripts, string nameColumn) : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var target = (Entity)context.InputParameters["Target"];
        var name = target.GetAttributeValue<string>(nameColumn) ?? string.Empty;
        if (scripts.TryGetValue(name, out var script) && script.TryDequeue(out var status))
        {
            throw new InvalidPluginExecutionException("F&O answered " + (int)status + " for " + name + ".", status);
        }
    }
}
