using System.Collections.Generic;

namespace DualWrite.Core.Dependencies;

/// <summary>
/// The order of an initial sync: waves of maps, each wave needing only maps of earlier waves, plus
/// what stops a clean order (cycles) and what needs a second pass (self-references).
/// </summary>
public sealed class InitialSyncPlan
{
    public InitialSyncPlan(
        IReadOnlyList<IReadOnlyList<string>> waves,
        IReadOnlyList<MapDependency> dependencies,
        IReadOnlyList<MapDependency> selfReferences,
        IReadOnlyList<DependencyCycle> cycles,
        IReadOnlyList<string> blocked)
    {
        Waves = waves;
        Dependencies = dependencies;
        SelfReferences = selfReferences;
        Cycles = cycles;
        Blocked = blocked;
    }

    /// <summary>Map names by wave; the maps of one wave may run in parallel.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Waves { get; }

    /// <summary>Every edge between two different maps.</summary>
    public IReadOnlyList<MapDependency> Dependencies { get; }

    /// <summary>
    /// Lookups of a map into its own table (an invoice account, a parent account). They do not order
    /// maps: the load writes the rows first and sets these lookups in a second pass.
    /// </summary>
    public IReadOnlyList<MapDependency> SelfReferences { get; }

    /// <summary>Rings of maps that look each other up; each is an error until a lookup is dropped or made one way.</summary>
    public IReadOnlyList<DependencyCycle> Cycles { get; }

    /// <summary>Maps in a cycle or depending on one: no wave can hold them.</summary>
    public IReadOnlyList<string> Blocked { get; }

    public bool HasCycles => Cycles.Count > 0;
}
