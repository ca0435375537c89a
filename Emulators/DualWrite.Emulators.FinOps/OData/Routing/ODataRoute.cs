using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.OData.Routing;

/// <summary>
/// A routed request: what it addresses and, for entity set routes, the set, the key as a store probe
/// (<see cref="ODataRouteKind.Entity"/> only) and the parsed query string.
/// </summary>
public sealed record ODataRoute(ODataRouteKind Kind, EntitySetSchema? Set = null, object?[]? Probe = null, QueryString? Query = null);
