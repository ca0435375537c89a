using System.Collections.Generic;

namespace DualWrite.Listener.Receiving;

/// <summary>The body of a 4xx/5xx answer: what went wrong, and every reason found.</summary>
public sealed record ReceiveRejection(string Error, IReadOnlyList<string> Reasons);
