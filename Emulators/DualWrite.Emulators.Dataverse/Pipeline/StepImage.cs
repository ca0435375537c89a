using System;
using System.Collections.Generic;
using System.Linq;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>An entity image of a step: looked up by <see cref="Alias"/>; no attributes means all columns.</summary>
public sealed class StepImage
{
    private readonly HashSet<string> _attributes;

    public StepImage(string alias, ImageType type, params string[] attributes)
    {
        Alias = alias;
        Type = type;
        Attributes = attributes?.ToArray() ?? [];
        _attributes = new HashSet<string>(Attributes, StringComparer.Ordinal);
    }

    public string Alias { get; }

    public ImageType Type { get; }

    public IReadOnlyList<string> Attributes { get; }

    internal bool IsPre => Type is ImageType.PreImage or ImageType.Both;

    internal bool IsPost => Type is ImageType.PostImage or ImageType.Both;

    internal bool Includes(string attribute) => _attributes.Count == 0 || _attributes.Contains(attribute);
}
