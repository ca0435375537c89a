using System;

namespace DualWrite.Emulators.FinOps.Faults;

/// <summary>A write held for <paramref name="Stall"/>; then dropped unanswered, or run and answered late (<paramref name="ThenProcess"/>).</summary>
public sealed record StalledWrite(TimeSpan Stall, bool ThenProcess);
