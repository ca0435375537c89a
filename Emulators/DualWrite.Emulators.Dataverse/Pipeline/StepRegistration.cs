using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>
/// A plug-in step as registered with the Plug-in Registration Tool: message, table, stage, mode, rank,
/// filtering attributes, images and the two configuration strings handed to the plug-in's
/// (string unsecureConfig, string secureConfig) constructor.
/// </summary>
public sealed class StepRegistration
{
    /// <summary>The plug-in class; created once for the step and reused for every execution, as the platform caches plug-in instances.</summary>
    public Type? PluginType { get; init; }

    /// <summary>Alternative to <see cref="PluginType"/>: builds the plug-in from (unsecure, secure) configuration.</summary>
    public Func<string?, string?, IPlugin>? PluginFactory { get; init; }

    /// <summary>The step's id (sdkmessageprocessingstep), reported as the context's OwningExtension.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>Step name for traces and system jobs; defaults to the plug-in type name.</summary>
    public string? Name { get; init; }

    public required string Message { get; init; }

    /// <summary>Primary table; null registers the step for every table.</summary>
    public string? Table { get; init; }

    public PipelineStage Stage { get; init; } = PipelineStage.PostOperation;

    public StepMode Mode { get; init; } = StepMode.Synchronous;

    /// <summary>Execution order within a stage: lower first; equal ranks run in registration order.</summary>
    public int Rank { get; init; } = 1;

    /// <summary>Update only: the step runs when the Target carries at least one of these columns; empty means always.</summary>
    public IReadOnlyList<string> FilteringAttributes { get; init; } = [];

    public IReadOnlyList<StepImage> Images { get; init; } = [];

    public string? UnsecureConfiguration { get; init; }

    public string? SecureConfiguration { get; init; }

    /// <summary>Run as this user instead of the calling user (the step's "Run in user's context").</summary>
    public Guid? ImpersonatingUserId { get; init; }

    /// <summary>Creates a registration for plug-in <typeparamref name="TPlugin"/>.</summary>
    public static StepRegistration For<TPlugin>(string message, string? table, PipelineStage stage, StepMode mode = StepMode.Synchronous)
        where TPlugin : IPlugin
        => new() { PluginType = typeof(TPlugin), Message = message, Table = table, Stage = stage, Mode = mode };

    internal string DisplayName => Name ?? PluginType?.FullName ?? "(plug-in factory)";
}
