using System.Collections.Generic;
using System.Linq;

namespace DualWrite.Core.Dependencies;

/// <summary>Maps that look each other up in a ring: none of them can be loaded first.</summary>
public sealed class DependencyCycle
{
    public DependencyCycle(IReadOnlyList<MapDependency> edges)
    {
        Edges = edges;
    }

    /// <summary>The edges around the ring, each one's <see cref="MapDependency.DependsOn"/> the next one's map.</summary>
    public IReadOnlyList<MapDependency> Edges { get; }

    /// <summary>The maps in the ring, in dependency order, each once.</summary>
    public IReadOnlyList<string> Maps => Edges.Select(edge => edge.Map).ToList();

    /// <summary>"A (Field -> table) -> B (Field -> table) -> A".</summary>
    public override string ToString() =>
        string.Join(" -> ", Edges.Select(edge => edge.Map + " (" + edge.Reference + ")")) + " -> " + Edges[0].Map;
}
