using System.Globalization;

namespace DualWrite.Core.Filters;

/// <summary>Why a filter could not be parsed: where (1-based position), what was expected, what was found.</summary>
public sealed class FilterParseError
{
    public FilterParseError(string filter, int position, string expected, string found)
    {
        Filter = filter;
        Position = position;
        Expected = expected;
        Found = found;
    }

    public string Filter { get; }

    public int Position { get; }

    public string Expected { get; }

    public string Found { get; }

    public string Message => string.Format(
        CultureInfo.InvariantCulture,
        "Invalid filter \"{0}\" at position {1}: expected {2} but found {3}.",
        Filter,
        Position,
        Expected,
        Found);

    public override string ToString() => Message;
}
