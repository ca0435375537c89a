using System;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Processing;

/// <summary>The placeholder applier until the Dataverse one exists: logs each event and reports it applied.</summary>
public sealed partial class LoggingChangeApplier(ILogger<LoggingChangeApplier> logger) : IChangeApplier
{
    public Task<ApplyOutcome> ApplyAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        LogEvent(inboxEvent.Operation.ToString(), inboxEvent.RecordKey, inboxEvent.ControlNumber, inboxEvent.EventId);
        return Task.FromResult(ApplyOutcome.Applied);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Operation} {RecordKey} (control number {ControlNumber}, event {EventId})")]
    private partial void LogEvent(string operation, string recordKey, long controlNumber, string eventId);
}
