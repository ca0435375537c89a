using System;

namespace DualWrite.Listener.Commands;

/// <summary>One maps command as parsed: list (no operation) or start|pause|resume|stop of one map.</summary>
internal sealed record MapsStateRequest(string? Operation, string? Map, string? Reason, bool Json, Uri? Url, string? ApiKey, string[] Overrides);
