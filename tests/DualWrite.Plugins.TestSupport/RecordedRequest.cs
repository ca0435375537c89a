namespace DualWrite.Plugins.TestSupport;

/// <summary>One request the fake F&amp;O received: method, the raw (still escaped) target, headers of interest and body.</summary>
public sealed record RecordedRequest(string Method, string RawTarget, string DecodedPath, string? Authorization, string Body);
