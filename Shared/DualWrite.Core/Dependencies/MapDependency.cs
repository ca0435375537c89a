namespace DualWrite.Core.Dependencies;

/// <summary>An edge of the graph: <see cref="Map"/> must be loaded after <see cref="DependsOn"/>.</summary>
public sealed class MapDependency
{
    public MapDependency(string map, string dependsOn, TableReference reference)
    {
        Map = map;
        DependsOn = dependsOn;
        Reference = reference;
    }

    public string Map { get; }

    public string DependsOn { get; }

    /// <summary>The lookup that creates the dependency, so a message can say which field to change.</summary>
    public TableReference Reference { get; }

    public override string ToString() => Map + "." + Reference.Field + " -> " + DependsOn;
}
