using System;
using System.Collections.Concurrent;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Tests.Solution;

/// <summary>A plug-in registered through step XML: records its configuration strings and the pre-image it was given.</summary>
public sealed class RecordingPlugin : IPlugin
{
    private readonly string? _unsecure;
    private readonly string? _secure;

    public RecordingPlugin(string? unsecure, string? secure)
    {
        _unsecure = unsecure;
        _secure = secure;
    }

    /// <summary>By the contact's new last name: (unsecure, secure, pre-image last name).</summary>
    public static ConcurrentDictionary<string, (string? Unsecure, string? Secure, string? PreLastName)> Runs { get; } = new(StringComparer.Ordinal);

    public void Execute(IServiceProvider serviceProvider)
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var target = (Entity)context.InputParameters["Target"];
        var pre = context.PreEntityImages.TryGetValue("pre", out var image) ? image.GetAttributeValue<string>("lastname") : null;
        Runs[target.GetAttributeValue<string>("lastname") ?? string.Empty] = (_unsecure, _secure, pre);
    }
}
