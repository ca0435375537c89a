using System;
using DualWrite.Core.Maps;

namespace DualWrite.MapValidation.Validation;

/// <summary>A map that loaded, with the file it came from (every issue names the file).</summary>
public sealed class LoadedMap
{
    public LoadedMap(string file, TableMap map)
    {
        File = file ?? throw new ArgumentNullException(nameof(file));
        Map = map ?? throw new ArgumentNullException(nameof(map));
    }

    public string File { get; }

    public TableMap Map { get; }
}
