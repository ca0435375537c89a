using System.Collections.Generic;

namespace DualWrite.Listener.Bulk.Reconcile;

/// <summary>What a removal pass did: records removed from Dataverse, and why others could not be.</summary>
public sealed record RemovalResult(int Removed, IReadOnlyList<string> Problems);
