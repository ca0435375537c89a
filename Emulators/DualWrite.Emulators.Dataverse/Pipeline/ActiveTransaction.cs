using System.Collections.Generic;
using DualWrite.Emulators.Dataverse.Store;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>A store transaction plus the asynchronous steps waiting for it to commit.</summary>
internal sealed class ActiveTransaction
{
    public ActiveTransaction(DataverseStoreTransaction store)
    {
        Store = store;
    }

    public DataverseStoreTransaction Store { get; }

    /// <summary>
    /// Set when a request inside this transaction failed. Like the platform, the transaction is then lost even if
    /// plug-in code catches the error: any further request in it, and its commit, fail.
    /// </summary>
    public string? DoomedBy { get; private set; }

    public void Doom(string reason) => DoomedBy ??= reason;

    /// <summary>Asynchronous steps queued by this transaction's pipelines; they run only if it commits.</summary>
    public List<PendingAsyncStep> AsyncSteps { get; } = [];
}
