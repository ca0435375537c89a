using System;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace DualWrite.EndToEnd.Tests.ConcurrentEdits;

/// <summary>
/// Counts the listener's applies that ran out of time: the inbox worker's retry message carries the reason "did not
/// finish within" (logged at Debug, so the category is raised to Debug for the run).
/// </summary>
internal sealed class ApplyTimeoutCounter : ILoggerProvider
{
    public const string WorkerCategory = "DualWrite.Listener.Processing.InboxWorker";

    private int _timeouts;

    public int Timeouts => Volatile.Read(ref _timeouts);

    public ILogger CreateLogger(string categoryName) =>
        string.Equals(categoryName, WorkerCategory, StringComparison.Ordinal) ? new Counting(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Counting(ApplyTimeoutCounter owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).Contains("did not finish within", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref owner._timeouts);
            }
        }
    }
}
