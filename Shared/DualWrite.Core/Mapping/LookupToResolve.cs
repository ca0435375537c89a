using System;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Mapping;

/// <summary>
/// A Dataverse read the engine needs and may not do itself (it does no I/O): the caller performs it,
/// records the answer in <see cref="ResolvedLookups"/> under <see cref="Path"/>, and maps again.
/// </summary>
public sealed class LookupToResolve
{
    public LookupToResolve(LookupResolutionKind kind, string field, string entitySet, string logicalName, string path, string keyField, Guid? id, ODataKey? key = null)
    {
        Key = key;
        Kind = kind;
        Field = field;
        EntitySet = entitySet;
        LogicalName = logicalName;
        Path = path;
        KeyField = keyField;
        Id = id;
    }

    public LookupResolutionKind Kind { get; }

    /// <summary>The map field (or company field) waiting for the answer.</summary>
    public string Field { get; }

    public string EntitySet { get; }

    public string LogicalName { get; }

    /// <summary>
    /// The URL-escaped entity path to read, relative to the Web API root:
    /// <c>cdm_companies(cdm_companycode='USMF')</c> (find its id) or <c>msdyn_customergroups(&lt;guid&gt;)</c>
    /// (read <see cref="KeyField"/>). Also the key under which <see cref="ResolvedLookups"/> holds the answer.
    /// </summary>
    public string Path { get; }

    /// <summary>The alternate-key column: the one to read (<see cref="LookupResolutionKind.ReadKeyValue"/>) or the one searched by.</summary>
    public string KeyField { get; }

    /// <summary>
    /// The alternate key searched by, for <see cref="LookupResolutionKind.FindId"/>: lets a caller query
    /// with <c>$filter</c> when the key holds a character Dataverse refuses in URLs.
    /// </summary>
    public ODataKey? Key { get; }

    /// <summary>The record's id, for <see cref="LookupResolutionKind.ReadKeyValue"/>.</summary>
    public Guid? Id { get; }

    public override string ToString() => Kind == LookupResolutionKind.FindId
        ? "find the id of " + Path
        : "read " + KeyField + " of " + Path;
}
