using System;

namespace DualWrite.Listener.Recovery;

/// <summary>Why a catch-up is needed (as an operator reads it) and since when changes may have been missed.</summary>
public sealed record CatchUpReason(string Why, DateTimeOffset Since);
