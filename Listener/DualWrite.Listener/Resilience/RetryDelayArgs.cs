using System;

namespace DualWrite.Listener.Resilience;

/// <summary>A retry about to happen: which retry, after how long, because of what.</summary>
public sealed record RetryDelayArgs(int Retry, TimeSpan Delay, string Cause);
