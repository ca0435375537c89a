using System;
using System.Collections.Generic;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Core.Mapping;

/// <summary>What to map: a map, the way the change travels, the source record and what is known around it.</summary>
public sealed class MappingRequest
{
    /// <param name="map">The table map.</param>
    /// <param name="direction">The way the change travels; the map must carry it.</param>
    /// <param name="source">The source record. On update it may be partial: an absent field is left alone.</param>
    /// <param name="operation">Create (full payload, one-sided defaults) or update.</param>
    /// <param name="previousSource">The source record before the change (a plug-in pre-image): on update, only fields whose source value changed are written.</param>
    /// <param name="currentTarget">The target record as it is now: fields that already hold the mapped value are left out (echo suppression).</param>
    /// <param name="resolved">Answers to lookups an earlier pass asked for.</param>
    /// <param name="notNullableTargetFields">
    /// Target fields that do not accept null (Nullable="false" in the target's $metadata): writing them empty is
    /// an error naming the field, instead of a write the target refuses. Null: not known, the target judges.
    /// </param>
    /// <param name="emptyNotNullableIsUnfilled">
    /// The source is a whole stored record, not a save someone made (the listener writing Dataverse's record back):
    /// an empty value for a not-nullable target field then means nobody filled it in, and is treated as a column
    /// the source does not carry (left out, or the map's default on create) instead of an error.
    /// </param>
    public MappingRequest(
        TableMap map,
        SyncDirection direction,
        DataRecord source,
        SyncOperation operation = SyncOperation.Create,
        DataRecord? previousSource = null,
        DataRecord? currentTarget = null,
        ResolvedLookups? resolved = null,
        IReadOnlyCollection<string>? notNullableTargetFields = null,
        bool emptyNotNullableIsUnfilled = false)
    {
        Map = map ?? throw new ArgumentNullException(nameof(map));
        Source = source ?? throw new ArgumentNullException(nameof(source));
        if (!map.Direction.Carries(direction))
        {
            // A caller bug, not bad data: the map's direction is known before any record is read.
            throw new ArgumentException("Map '" + map.Name + "' runs " + map.Direction + " only; it cannot map " + direction + ".", nameof(direction));
        }

        Direction = direction;
        Operation = operation;
        PreviousSource = previousSource;
        CurrentTarget = currentTarget;
        Resolved = resolved ?? new ResolvedLookups();
        NotNullableTargetFields = notNullableTargetFields ?? Array.Empty<string>();
        EmptyNotNullableIsUnfilled = emptyNotNullableIsUnfilled;
    }

    public TableMap Map { get; }

    public SyncDirection Direction { get; }

    public DataRecord Source { get; }

    public SyncOperation Operation { get; }

    public DataRecord? PreviousSource { get; }

    public DataRecord? CurrentTarget { get; }

    public ResolvedLookups Resolved { get; }

    /// <summary>Target fields that must not be written empty; empty when not known.</summary>
    public IReadOnlyCollection<string> NotNullableTargetFields { get; }

    /// <summary>An empty value for a not-nullable target field counts as not filled in (see the constructor).</summary>
    public bool EmptyNotNullableIsUnfilled { get; }
}
