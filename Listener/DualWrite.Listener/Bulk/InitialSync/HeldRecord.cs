namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>A row held for the map's second pass (a parent not written yet, or a transient refusal), and the page it keeps open.</summary>
internal sealed record HeldRecord(long Page, MappedRecord Record);
