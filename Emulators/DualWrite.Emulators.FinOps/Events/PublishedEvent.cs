using DualWrite.Core.Events;

namespace DualWrite.Emulators.FinOps.Events;

/// <summary>An event as published after a commit, with its JSON exactly as delivered.</summary>
public sealed record PublishedEvent(FinOpsChangeEvent Event, string Json);
