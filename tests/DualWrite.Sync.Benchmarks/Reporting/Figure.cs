namespace DualWrite.Sync.Benchmarks.Reporting;

/// <summary>One line of the results: which phase, what was measured, its value (null: not available) with its unit, and a note.</summary>
public sealed record Figure(string Phase, string Measure, double? Value, string Unit, string Note = "");
