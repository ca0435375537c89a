using DualWrite.Chaos.Ledger;

namespace DualWrite.Chaos.Driving;

/// <summary>What one HTTP call came back with: the outcome, the status (0: no answer) and, when refused, why.</summary>
public sealed record Answer(Outcome Outcome, int Status, string Reason);
