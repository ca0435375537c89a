using System.Collections.Generic;
using DualWrite.Core.Maps;

namespace DualWrite.Core.Mapping;

/// <summary>
/// The engine's answer for one record: the target key, the payload, the lookups the caller must
/// resolve before the payload is complete, and every error found (all at once, never just the first).
/// </summary>
public sealed class MappingResult
{
    public MappingResult(
        TableMap map,
        SyncDirection direction,
        string sourceKey,
        TargetKey? targetKey,
        IReadOnlyList<PayloadField> payload,
        IReadOnlyList<LookupToResolve> lookupsToResolve,
        IReadOnlyList<MappingError> errors)
    {
        Map = map;
        Direction = direction;
        SourceKey = sourceKey;
        TargetKey = targetKey;
        Payload = payload;
        LookupsToResolve = lookupsToResolve;
        Errors = errors;
    }

    public TableMap Map { get; }

    public SyncDirection Direction { get; }

    /// <summary>The source record's key as users read it (<c>usmf/US-001</c>).</summary>
    public string SourceKey { get; }

    /// <summary>The target's key; null when a key value is missing or wrong (see <see cref="Errors"/>).</summary>
    public TargetKey? TargetKey { get; }

    /// <summary>The target properties to write, in map order (company first on create).</summary>
    public IReadOnlyList<PayloadField> Payload { get; }

    /// <summary>Reads the caller must do and feed back (<see cref="ResolvedLookups"/>) before writing.</summary>
    public IReadOnlyList<LookupToResolve> LookupsToResolve { get; }

    public IReadOnlyList<MappingError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>No errors, nothing left to resolve, an addressable key: ready to write.</summary>
    public bool IsComplete => Succeeded && LookupsToResolve.Count == 0 && TargetKey is { IsAddressable: true };
}
