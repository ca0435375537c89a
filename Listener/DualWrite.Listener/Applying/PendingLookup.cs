using DualWrite.Core.Keys;

namespace DualWrite.Listener.Applying;

/// <summary>A Dataverse record whose id the applier must find: its entity path, table, alternate key (when known) and the field that needs it.</summary>
public sealed record PendingLookup(string Path, string EntitySet, string LogicalName, ODataKey? Key, string Field);
