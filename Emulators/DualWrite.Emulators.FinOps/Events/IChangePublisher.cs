using System;
using System.Collections.Generic;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.Events;

/// <summary>Receives the changes of each committed write (never of a rolled-back one), in commit order.</summary>
public interface IChangePublisher
{
    /// <param name="changes">The committed changes.</param>
    /// <param name="initiatingUser">The Entra object id of the application that wrote them, when known.</param>
    void Publish(IReadOnlyList<StoreChange> changes, Guid? initiatingUser = null);
}
