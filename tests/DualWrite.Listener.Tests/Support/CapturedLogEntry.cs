using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Tests.Support;

public sealed record CapturedLogEntry(string Category, LogLevel Level, string Message);
