using System;
using System.Globalization;

namespace DualWrite.Core.Records;

/// <summary>
/// One typed field value of a neutral record: string, integer, decimal, money, bool, UTC date/time,
/// GUID, Dataverse lookup, or null. Immutable; equality is by kind and value.
/// </summary>
public sealed class RecordValue : IEquatable<RecordValue>
{
    public static readonly RecordValue Null = new(RecordValueKind.Null, null);

    private readonly object? _value;

    private RecordValue(RecordValueKind kind, object? value)
    {
        Kind = kind;
        _value = value;
    }

    public RecordValueKind Kind { get; }

    public bool IsNull => Kind == RecordValueKind.Null;

    /// <summary>The value as a CLR object (string, long, decimal, bool, DateTime, Guid, LookupValue or null).</summary>
    public object? Value => _value;

    public static RecordValue FromString(string? value) => value is null ? Null : new(RecordValueKind.String, value);

    public static RecordValue FromInteger(long value) => new(RecordValueKind.Integer, value);

    public static RecordValue FromDecimal(decimal value) => new(RecordValueKind.Decimal, value);

    /// <summary>A Dataverse money amount; kept apart from decimal so a round trip keeps the marker.</summary>
    public static RecordValue FromMoney(decimal value) => new(RecordValueKind.Money, value);

    public static RecordValue FromBoolean(bool value) => new(RecordValueKind.Boolean, value);

    /// <summary>
    /// A point in time in UTC. An unspecified kind is taken as UTC (both services send UTC); a local
    /// time is refused because converting it would depend on the machine's time zone.
    /// </summary>
    public static RecordValue FromDateTime(DateTime value)
    {
        if (value.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("Record date/times are UTC; convert local times before building a record.", nameof(value));
        }

        return new(RecordValueKind.DateTime, DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }

    public static RecordValue FromGuid(Guid value) => new(RecordValueKind.Guid, value);

    public static RecordValue FromLookup(LookupValue? value) => value is null ? Null : new(RecordValueKind.Lookup, value);

    public bool TryGetString(out string value) => TryGet(RecordValueKind.String, out value);

    public bool TryGetInteger(out long value) => TryGet(RecordValueKind.Integer, out value);

    /// <summary>The number held by a decimal, money or integer value.</summary>
    public bool TryGetNumber(out decimal value)
    {
        switch (_value)
        {
            case decimal number:
                value = number;
                return true;
            case long integer:
                value = integer;
                return true;
            default:
                value = 0m;
                return false;
        }
    }

    public bool TryGetBoolean(out bool value) => TryGet(RecordValueKind.Boolean, out value);

    public bool TryGetDateTime(out DateTime value) => TryGet(RecordValueKind.DateTime, out value);

    public bool TryGetGuid(out Guid value) => TryGet(RecordValueKind.Guid, out value);

    public bool TryGetLookup(out LookupValue value)
    {
        if (_value is LookupValue lookup)
        {
            value = lookup;
            return true;
        }

        value = null!;
        return false;
    }

    public bool Equals(RecordValue? other)
    {
        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        return Kind switch
        {
            RecordValueKind.Null => true,
            // Compare instants by ticks: both are UTC by construction.
            RecordValueKind.DateTime => ((DateTime)_value!).Ticks == ((DateTime)other._value!).Ticks,
            RecordValueKind.String => string.Equals((string)_value!, (string)other._value!, StringComparison.Ordinal),
            _ => _value!.Equals(other._value),
        };
    }

    public override bool Equals(object? obj) => Equals(obj as RecordValue);

    public override int GetHashCode() => _value is null
        ? 0
        : _value is string text ? StringComparer.Ordinal.GetHashCode(text) : _value.GetHashCode();

    /// <summary>The value as error messages quote it: invariant culture, ISO 8601 for date/times.</summary>
    public override string ToString() => _value switch
    {
        null => "null",
        string text => text,
        DateTime moment => moment.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        Guid id => id.ToString("D"),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => _value.ToString() ?? string.Empty,
    };

    private bool TryGet<T>(RecordValueKind kind, out T value)
    {
        if (Kind == kind)
        {
            value = (T)_value!;
            return true;
        }

        value = default!;
        return false;
    }
}
