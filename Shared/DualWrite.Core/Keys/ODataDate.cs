using System;
using System.Globalization;

namespace DualWrite.Core.Keys;

/// <summary>
/// An Edm.Date value (a calendar date without time or zone). netstandard2.0 has no DateOnly, and a
/// DateTime would be formatted as Edm.DateTimeOffset, so dates get their own small type.
/// </summary>
public readonly struct ODataDate : IEquatable<ODataDate>, IComparable<ODataDate>
{
    private readonly DateTime _date;

    public ODataDate(int year, int month, int day)
    {
        _date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
    }

    public int Year => _date.Year;

    public int Month => _date.Month;

    public int Day => _date.Day;

    /// <summary>Midnight at the start of the date, with <see cref="DateTimeKind.Unspecified"/>.</summary>
    public DateTime ToDateTime() => _date;

    public static ODataDate FromDateTime(DateTime value) => new(value.Year, value.Month, value.Day);

    public static bool operator ==(ODataDate left, ODataDate right) => left.Equals(right);

    public static bool operator !=(ODataDate left, ODataDate right) => !left.Equals(right);

    public static bool operator <(ODataDate left, ODataDate right) => left.CompareTo(right) < 0;

    public static bool operator >(ODataDate left, ODataDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(ODataDate left, ODataDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ODataDate left, ODataDate right) => left.CompareTo(right) >= 0;

    public bool Equals(ODataDate other) => _date == other._date;

    public override bool Equals(object? obj) => obj is ODataDate other && Equals(other);

    public override int GetHashCode() => _date.GetHashCode();

    public int CompareTo(ODataDate other) => _date.CompareTo(other._date);

    /// <summary>yyyy-MM-dd, the Edm.Date literal form.</summary>
    public override string ToString() => _date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
