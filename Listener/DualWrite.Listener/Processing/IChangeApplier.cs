using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;

namespace DualWrite.Listener.Processing;

/// <summary>
/// Applies one F&amp;O change event to Dataverse. The worker calls it for one record at a time, in
/// ControlNumber order, and at least once per event (a crash or lost lease can repeat a call), so an
/// implementation must be idempotent: read the current F&amp;O record rather than trust the event.
/// Return expected failures as outcomes; an exception is treated as RetryLater with its message.
/// </summary>
public interface IChangeApplier
{
    /// <param name="inboxEvent">The leased event; <see cref="InboxEvent.ToChangeEvent"/> gives the parsed event.</param>
    /// <param name="cancellationToken">Cancelled on shutdown (the event returns to the inbox) or after the apply timeout.</param>
    Task<ApplyOutcome> ApplyAsync(InboxEvent inboxEvent, CancellationToken cancellationToken);
}
