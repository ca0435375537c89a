using DualWrite.Core.Maps;

namespace DualWrite.Listener.Bulk.Reading;

/// <summary>
/// One key column of a keyset read: the property named in <c>$orderby</c>, <c>$filter</c> and the cursor
/// (<c>_msdyn_company_value</c> for a lookup), and its type, which decides how a cursor value is written as a literal.
/// </summary>
public sealed record KeyColumn(string Property, FieldType Type);
