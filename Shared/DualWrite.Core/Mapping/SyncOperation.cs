namespace DualWrite.Core.Mapping;

/// <summary>Whether the target record is being created or updated; an upsert whose outcome is unknown maps as a create (full payload).</summary>
public enum SyncOperation
{
    Create,
    Update,
}
