using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>One <c>$orderby</c> term: a field and its direction.</summary>
public sealed record OrderByItem(FieldSchema Field, bool Descending);
