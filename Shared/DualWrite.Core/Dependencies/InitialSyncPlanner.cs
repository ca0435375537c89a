using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Maps;

namespace DualWrite.Core.Dependencies;

/// <summary>
/// Orders maps for an initial sync from the lookups between them: a map runs after every map that
/// writes a table it looks up. Waves are topological layers (each map in the earliest wave its
/// dependencies allow); cycles are reported with the maps and lookups in them.
/// </summary>
public static class InitialSyncPlanner
{
    public static InitialSyncPlan Plan(IEnumerable<TableMap> maps) =>
        Plan((maps ?? throw new ArgumentNullException(nameof(maps))).Select(MapDependencyNode.FromTableMap));

    public static InitialSyncPlan Plan(IEnumerable<MapDependencyNode> nodes)
    {
        var ordered = (nodes ?? throw new ArgumentNullException(nameof(nodes))).ToList();
        var duplicate = ordered.GroupBy(node => node.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException("Map names are unique; '" + duplicate.Key + "' appears more than once.", nameof(nodes));
        }

        var writers = new Dictionary<string, List<MapDependencyNode>>(StringComparer.Ordinal);
        foreach (var node in ordered)
        {
            if (!writers.TryGetValue(node.Table, out var list))
            {
                writers[node.Table] = list = new List<MapDependencyNode>();
            }

            list.Add(node);
        }

        var dependencies = new List<MapDependency>();
        var selfReferences = new List<MapDependency>();
        var edgesFrom = ordered.ToDictionary(node => node.Name, _ => new List<MapDependency>(), StringComparer.Ordinal);
        foreach (var node in ordered)
        {
            foreach (var reference in node.References)
            {
                if (reference.Table == node.Table)
                {
                    // Into the map's own table (whoever else writes it too): set in a second pass, never an order.
                    selfReferences.Add(new MapDependency(node.Name, node.Name, reference));
                    continue;
                }

                if (!writers.TryGetValue(reference.Table, out var targets))
                {
                    continue; // A table no map writes: its rows come from elsewhere (validation checks it has an alternate key).
                }

                foreach (var target in targets)
                {
                    var edge = new MapDependency(node.Name, target.Name, reference);
                    if (!edgesFrom[node.Name].Any(existing => existing.DependsOn == target.Name))
                    {
                        edgesFrom[node.Name].Add(edge);
                        dependencies.Add(edge);
                    }
                }
            }
        }

        var waves = Layer(ordered, edgesFrom, out var blocked);
        var cycles = FindCycles(ordered.Where(node => blocked.Contains(node.Name)).Select(node => node.Name).ToList(), edgesFrom);
        return new InitialSyncPlan(
            waves,
            dependencies,
            selfReferences,
            cycles,
            ordered.Select(node => node.Name).Where(blocked.Contains).ToList());
    }

    private static List<IReadOnlyList<string>> Layer(
        List<MapDependencyNode> ordered,
        Dictionary<string, List<MapDependency>> edgesFrom,
        out HashSet<string> blocked)
    {
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var waves = new List<IReadOnlyList<string>>();
        while (true)
        {
            // Input order within a wave keeps plans stable from run to run.
            var wave = ordered
                .Where(node => !placed.Contains(node.Name) && edgesFrom[node.Name].All(edge => placed.Contains(edge.DependsOn)))
                .Select(node => node.Name)
                .ToList();
            if (wave.Count == 0)
            {
                break;
            }

            waves.Add(wave);
            placed.UnionWith(wave);
        }

        blocked = new HashSet<string>(ordered.Select(node => node.Name).Where(name => !placed.Contains(name)), StringComparer.Ordinal);
        return waves;
    }

    /// <summary>One ring per strongly connected group of blocked maps (Tarjan), walked from its first map.</summary>
    private static List<DependencyCycle> FindCycles(List<string> candidates, Dictionary<string, List<MapDependency>> edgesFrom)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLink = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();
        var candidateSet = new HashSet<string>(candidates, StringComparer.Ordinal);

        void Visit(string name)
        {
            index[name] = lowLink[name] = index.Count;
            stack.Push(name);
            onStack.Add(name);
            foreach (var edge in edgesFrom[name].Where(edge => candidateSet.Contains(edge.DependsOn)))
            {
                if (!index.ContainsKey(edge.DependsOn))
                {
                    Visit(edge.DependsOn);
                    lowLink[name] = Math.Min(lowLink[name], lowLink[edge.DependsOn]);
                }
                else if (onStack.Contains(edge.DependsOn))
                {
                    lowLink[name] = Math.Min(lowLink[name], index[edge.DependsOn]);
                }
            }

            if (lowLink[name] == index[name])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != name);
                if (component.Count > 1)
                {
                    components.Add(component);
                }
            }
        }

        foreach (var name in candidates.Where(name => !index.ContainsKey(name)))
        {
            Visit(name);
        }

        return components
            .Select(component => new DependencyCycle(Ring(candidates.First(component.Contains), new HashSet<string>(component, StringComparer.Ordinal), edgesFrom)))
            .OrderBy(cycle => candidates.IndexOf(cycle.Edges[0].Map))
            .ToList();
    }

    /// <summary>The shortest ring through <paramref name="start"/> inside its component (breadth first).</summary>
    private static List<MapDependency> Ring(string start, HashSet<string> component, Dictionary<string, List<MapDependency>> edgesFrom)
    {
        var cameBy = new Dictionary<string, MapDependency>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var name = queue.Dequeue();
            foreach (var edge in edgesFrom[name].Where(edge => component.Contains(edge.DependsOn)))
            {
                if (edge.DependsOn == start)
                {
                    var ring = new List<MapDependency> { edge };
                    for (var at = name; at != start; at = cameBy[at].Map)
                    {
                        ring.Add(cameBy[at]);
                    }

                    ring.Reverse();
                    return ring;
                }

                if (!cameBy.ContainsKey(edge.DependsOn) && edge.DependsOn != start)
                {
                    cameBy[edge.DependsOn] = edge;
                    queue.Enqueue(edge.DependsOn);
                }
            }
        }

        throw new InvalidOperationException("A strongly connected component always has a ring through each member.");
    }
}
