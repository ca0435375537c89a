using System;

namespace DualWrite.Listener.Tests.Support;

/// <summary>One scripted answer of a <see cref="ScriptedHttpServer"/>.</summary>
public sealed record ScriptStep(int Status, string? RetryAfter = null, TimeSpan Delay = default);
