using System;
using System.Collections.Generic;

namespace DualWrite.Plugins.Registration;

/// <summary>
/// One write-through step as the Plugin Registration Tool would register it: a (map, message) pair on
/// the map's Dataverse table, synchronous PostOperation, with its filtering attributes, pre-image and
/// unsecure configuration.
/// </summary>
public sealed class StepDefinition
{
    public const int PostOperationStage = 40;
    public const int SynchronousMode = 0;

    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required string MapName { get; init; }

    /// <summary>Create, Update or Delete.</summary>
    public required string Message { get; init; }

    /// <summary>The map's Dataverse table logical name.</summary>
    public required string Table { get; init; }

    public int Stage => PostOperationStage;

    public int Mode => SynchronousMode;

    public int Rank { get; init; } = 1;

    /// <summary>Update only: the columns the map writes to F&amp;O; empty for Create and Delete.</summary>
    public required IReadOnlyList<string> FilteringAttributes { get; init; }

    /// <summary>Update and Delete: the "pre" image; null for Create.</summary>
    public StepImageDefinition? PreImage { get; init; }

    /// <summary>The unsecure configuration JSON: the map and the settings, with placeholders for the environment.</summary>
    public required string UnsecureConfiguration { get; init; }

    public string Description { get; init; } = string.Empty;
}
