using System;

namespace DualWrite.Listener.Recovery;

/// <summary>A listener instance's running marker: when it started and when it last said it was alive.</summary>
public sealed record ListenerRun(string Instance, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt);
