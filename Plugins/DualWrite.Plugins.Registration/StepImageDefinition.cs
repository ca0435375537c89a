using System.Collections.Generic;

namespace DualWrite.Plugins.Registration;

/// <summary>A pre-image of a step: alias and the columns it carries.</summary>
public sealed class StepImageDefinition(System.Guid id, string alias, IReadOnlyList<string> attributes)
{
    public System.Guid Id { get; } = id;

    public string Alias { get; } = alias;

    public IReadOnlyList<string> Attributes { get; } = attributes;
}
