using System.Threading.Tasks;
using DualWrite.Core.Events;

namespace DualWrite.Listener.Inbox.Sqlite;

/// <summary>A received event waiting for the next group commit, and who to tell when it is on disk.</summary>
internal sealed record PendingReceive(FinOpsChangeEvent Event, string Body, TaskCompletionSource<ReceiveResult> Stored);
