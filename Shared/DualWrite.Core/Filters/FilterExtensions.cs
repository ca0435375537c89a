using System;

namespace DualWrite.Core.Filters;

/// <summary>
/// Grammar beyond the table-map subset, each opted into by the caller. Table maps use none: their filter
/// goes to F&amp;O too, which has no string functions (it uses '*' wildcards instead).
/// </summary>
[Flags]
public enum FilterExtensions
{
    None = 0,

    /// <summary><c>contains(field,'x')</c>, <c>startswith(field,'x')</c>, <c>endswith(field,'x')</c>, as the Dataverse Web API accepts.</summary>
    StringFunctions = 1,
}
