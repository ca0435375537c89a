using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Query;

/// <summary>
/// Reduces SDK values to what SQL compares: Money to its amount, OptionSetValue to its number, EntityReference to
/// its id, numbers to decimal; strings compare case-insensitively as under Dataverse's default collation.
/// </summary>
internal static class ComparableValue
{
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        Money m => m.Value,
        OptionSetValue o => (decimal)o.Value,
        EntityReference r => r.Id,
        int i => (decimal)i,
        long l => (decimal)l,
        short s => (decimal)s,
        double d => (decimal)d,
        float f => (decimal)f,
        Enum e => Convert.ToDecimal(e, CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>Compares two normalized values; null when they cannot be compared (different kinds).</summary>
    public static int? Compare(object? left, object? right)
    {
        left = Normalize(left);
        right = Normalize(right);
        return (left, right) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (decimal a, decimal b) => a.CompareTo(b),
            (string a, string b) => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
            (DateTime a, DateTime b) => a.ToUniversalTime().CompareTo(b.ToUniversalTime()),
            (Guid a, Guid b) => a.CompareTo(b),
            (bool a, bool b) => a.CompareTo(b),
            (Guid a, string b) when Guid.TryParse(b, out var g) => a.CompareTo(g),
            (decimal a, string b) when decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) => a.CompareTo(n),
            (DateTime a, string b) when DateTime.TryParse(b, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) => a.ToUniversalTime().CompareTo(t),
            (bool a, decimal b) => (a ? 1m : 0m).CompareTo(b),
            _ => null,
        };
    }

    public static bool AreEqual(object? left, object? right) => Compare(left, right) == 0;
}
