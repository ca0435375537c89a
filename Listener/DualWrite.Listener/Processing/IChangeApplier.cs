using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;

namespace DualWrite.Listener.Processing;

/// <summary>
/// Applies F&amp;O change events to Dataverse. The worker calls it for one record at a time, in
/// ControlNumber order, and at least once per event (a crash or lost lease can repeat a call), so an
/// implementation must be idempotent: read the current F&amp;O record rather than trust the event.
/// Return expected failures as outcomes; an exception is treated as RetryLater with its message.
/// </summary>
public interface IChangeApplier
{
    /// <param name="inboxEvent">The leased event; <see cref="InboxEvent.ToChangeEvent"/> gives the parsed event.</param>
    /// <param name="cancellationToken">Cancelled on shutdown (the event returns to the inbox) or after the apply timeout.</param>
    Task<ApplyOutcome> ApplyAsync(InboxEvent inboxEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Applies several leased events together, one per record (the inbox leases a record's head event only), and
    /// returns one outcome per event in the same order. The default applies them one after the other; an applier
    /// that can read and write in bulk does so.
    /// </summary>
    async Task<IReadOnlyList<ApplyOutcome>> ApplyBatchAsync(IReadOnlyList<InboxEvent> inboxEvents, CancellationToken cancellationToken)
    {
        System.ArgumentNullException.ThrowIfNull(inboxEvents);
        var outcomes = new ApplyOutcome[inboxEvents.Count];
        for (var i = 0; i < inboxEvents.Count; i++)
        {
            outcomes[i] = await ApplyAsync(inboxEvents[i], cancellationToken).ConfigureAwait(false);
        }

        return outcomes;
    }
}
