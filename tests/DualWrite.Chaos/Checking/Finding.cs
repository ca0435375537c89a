namespace DualWrite.Chaos.Checking;

/// <summary>One thing the checks found wrong: what kind, the record, and what was seen.</summary>
public sealed record Finding(string Kind, string Record, string Detail);
