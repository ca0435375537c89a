namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>Where an operation reads (a transaction's working state, or the committed state) and writes.</summary>
internal interface IStateAccess
{
    StoreState State { get; }

    /// <summary>Replaces the working state; throws when there is no transaction to write in.</summary>
    void Write(StoreState state);
}
