namespace DualWrite.Core.Events;

/// <summary>What happened to the F&amp;O record an event points at.</summary>
public enum ChangeOperation
{
    Create = 0,
    Update = 1,
    Delete = 2,
}
