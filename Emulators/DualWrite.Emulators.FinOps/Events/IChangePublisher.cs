using System.Collections.Generic;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.Events;

/// <summary>Receives the changes of each committed write (never of a rolled-back one), in commit order.</summary>
public interface IChangePublisher
{
    void Publish(IReadOnlyList<StoreChange> changes);
}
