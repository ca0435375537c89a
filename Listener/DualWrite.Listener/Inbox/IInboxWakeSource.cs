using System;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Inbox;

/// <summary>
/// A store shared by several instances that can say when another instance made work available (an event
/// received, parked events woken, a failed event retried), so workers wake at once instead of at their
/// next idle recheck. PostgreSQL does it with LISTEN/NOTIFY.
/// </summary>
public interface IInboxWakeSource
{
    /// <summary>Calls <paramref name="wake"/> on every notification until cancelled; reconnects after failures.</summary>
    Task ListenAsync(Action wake, CancellationToken cancellationToken);
}
