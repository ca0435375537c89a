using System;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Tests.Keys;

/// <summary>Puts a value in the form the parser returns (integers as long, instants as UTC offsets).</summary>
internal static class KeyValues
{
    public static object? Normalize(object? value) => value switch
    {
        byte or sbyte or short or ushort or int or uint or long => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        decimal m when m == decimal.Truncate(m) && m >= long.MinValue && m <= long.MaxValue => (long)m,
        float f => (double)f,
        double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 7.9e28 && (decimal)d == decimal.Truncate((decimal)d) => (long)d,
        double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 7.9e28 && Math.Abs(d) > 1e-20 => (decimal)d,
        DateTime dt => ODataLiteral.ToUtcOffset(dt),
        DateTimeOffset dto => dto.ToUniversalTime(),
        _ => value,
    };
}
