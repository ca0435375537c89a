using System;
using System.Collections.Generic;

namespace DualWrite.Core.Maps.Loading;

/// <summary>A loaded map, or every problem found in its file (never both).</summary>
public sealed class MapLoadResult
{
    private MapLoadResult(TableMap? map, IReadOnlyList<MapLoadError> errors)
    {
        Map = map;
        Errors = errors;
    }

    /// <summary>The map; null when the file had errors.</summary>
    public TableMap? Map { get; }

    public IReadOnlyList<MapLoadError> Errors { get; }

    public bool Succeeded => Map is not null;

    internal static MapLoadResult Success(TableMap map) => new(map ?? throw new ArgumentNullException(nameof(map)), Array.Empty<MapLoadError>());

    internal static MapLoadResult Failure(IReadOnlyList<MapLoadError> errors) => new(null, errors);
}
