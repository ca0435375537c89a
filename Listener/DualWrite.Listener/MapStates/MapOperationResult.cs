namespace DualWrite.Listener.MapStates;

/// <summary>What a map operation did: the map afterwards, or the problem that stopped it (then nothing changed).</summary>
public sealed record MapOperationResult
{
    private MapOperationResult(MapStatus? map, MapProblemKind? problem, string? detail)
    {
        Map = map;
        Problem = problem;
        Detail = detail;
    }

    /// <summary>The map after the operation; null when it was refused.</summary>
    public MapStatus? Map { get; }

    public MapProblemKind? Problem { get; }

    /// <summary>For a refusal: a sentence naming the map and what is wrong (unknown map: the known ones).</summary>
    public string? Detail { get; }

    public bool Succeeded => Problem is null;

    public static MapOperationResult Done(MapStatus map) => new(map, null, null);

    public static MapOperationResult Refused(MapProblemKind problem, string detail) => new(null, problem, detail);
}
