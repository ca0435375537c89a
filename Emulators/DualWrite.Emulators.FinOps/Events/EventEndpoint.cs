using System;
using System.Collections.Generic;

namespace DualWrite.Emulators.FinOps.Events;

/// <summary>
/// A business event endpoint (F&amp;O's HTTPS endpoint type): events are POSTed to <see cref="Url"/> with
/// <see cref="Headers"/> added (e.g. a shared secret the receiver checks). Plain HTTP is accepted for loopback tests.
/// </summary>
public sealed record EventEndpoint(string Name, Uri Url)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
