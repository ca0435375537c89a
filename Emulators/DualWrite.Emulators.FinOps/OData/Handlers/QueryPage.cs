using System.Collections.Generic;

namespace DualWrite.Emulators.FinOps.OData.Handlers;

/// <summary>One page of a collection query: its rows, how many rows matched (counted when $count asks) and whether more follow.</summary>
internal sealed record QueryPage(List<object?[]> Rows, int Total, bool MoreAfter);
