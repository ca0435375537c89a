using System;

namespace DualWrite.Core.Mapping;

/// <summary>
/// Maps one source record through a table map into the target's key and payload. Pure and
/// deterministic: no I/O, no clock, output order follows the map. Reads it cannot do are returned as
/// <see cref="MappingResult.LookupsToResolve"/>; the caller resolves them and maps again.
/// </summary>
public static class MappingEngine
{
    public static MappingResult Map(MappingRequest request) =>
        new MappingRun(request ?? throw new ArgumentNullException(nameof(request))).Execute();
}
