using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Tests.Security;

/// <summary>
/// Everything a run shows anyone: every log entry at every level (message, structured values, scopes, exception
/// with its stack), and every other text the test adds (HTTP answers, console output, webhook bodies).
/// </summary>
public sealed class AllOutputCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> texts = new();

    public void Add(string source, string? text) => texts.Enqueue("[" + source + "] " + text);

    public string All => string.Join("\n", texts);

    public int Count => texts.Count;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, AllOutputCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            capture.Add("scope " + category, Describe(state));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder();
            text.Append(logLevel).Append(' ').Append(formatter(state, exception)).Append(" | ").Append(Describe(state));
            if (exception is not null)
            {
                text.Append(" | ").Append(exception);
            }

            capture.Add("log " + category, text.ToString());
        }

        private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(", ", pairs.Select(pair => pair.Key + "=" + pair.Value))
            : state?.ToString() ?? string.Empty;
    }
}
