using DualWrite.Core.Events;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.Store;

/// <summary>One committed change: the entity set, what happened, and the row (the old row for a delete).</summary>
public sealed record StoreChange(EntitySetSchema EntitySet, ChangeOperation Operation, object?[] Row);
