using System.Collections.Generic;
using DualWrite.Emulators.Dataverse.Store;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>A store transaction plus the asynchronous steps waiting for it to commit.</summary>
internal sealed class ActiveTransaction
{
    public ActiveTransaction(StoreTransaction store)
    {
        Store = store;
    }

    public StoreTransaction Store { get; }

    /// <summary>Asynchronous steps queued by this transaction's pipelines; they run only if it commits.</summary>
    public List<PendingAsyncStep> AsyncSteps { get; } = [];
}
