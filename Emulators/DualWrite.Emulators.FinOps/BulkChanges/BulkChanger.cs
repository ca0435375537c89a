using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DualWrite.Emulators.FinOps.Events;
using DualWrite.Emulators.FinOps.OData;
using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.BulkChanges;

/// <summary>
/// Changes one field of many existing rows at once, as if users or a batch job had edited them: committed in
/// chunks (so readers are not locked out for the whole burst) and each chunk's business events published in order.
/// Used to make a burst of live changes for the benchmark without a hundred thousand PATCH requests.
/// </summary>
public sealed class BulkChanger
{
    // Small enough that a reader waits milliseconds, large enough that commits do not dominate.
    private const int ChunkSize = 5000;

    private readonly FinOpsStore _store;
    private readonly IChangePublisher _publisher;
    private readonly TimeProvider _time;

    public BulkChanger(FinOpsStore store, IChangePublisher publisher, TimeProvider time)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Applies the change; throws <see cref="ArgumentException"/> for an unknown set or field, a key field or a value of the wrong type.</summary>
    public BulkChangeResult Apply(BulkChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var set = _store.Schema.EntitySets.FirstOrDefault(s => string.Equals(s.Name, request.EntitySet, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException("Unknown entity set '" + request.EntitySet + "'.", nameof(request));
        var field = set.FindField(request.Field) ?? throw new ArgumentException("'" + set.Name + "' has no field '" + request.Field + "'.", nameof(request));
        if (field.IsKey || field.IsComputed)
        {
            throw new ArgumentException("'" + field.Name + "' is a key or computed field; a bulk change sets an ordinary field.", nameof(request));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(request.Count);
        var started = _time.GetTimestamp();
        var targets = _store.Read(view => view.Rows(set)
            .Where(row => request.Company is null || set.Company is null || string.Equals(FieldValues.Read(set.Company, row) as string, request.Company, StringComparison.OrdinalIgnoreCase))
            .Take(request.Count)
            .ToList());

        var events = 0;
        for (var offset = 0; offset < targets.Count; offset += ChunkSize)
        {
            IReadOnlyList<StoreChange> changes;
            using (var transaction = _store.BeginWrite())
            {
                for (var i = offset; i < Math.Min(targets.Count, offset + ChunkSize); i++)
                {
                    var old = targets[i];
                    var row = new object?[Math.Max(old.Length, field.Index + 1)];
                    Array.Copy(old, row, old.Length);
                    row[field.Index] = Convert(field, request.Value.Replace("{i}", (i + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
                    transaction.TryReplace(set, row);
                }

                changes = transaction.Commit();
            }

            _publisher.Publish(changes);
            events += changes.Count;
        }

        return new BulkChangeResult(targets.Count, events, _time.GetElapsedTime(started).TotalMilliseconds);
    }

    private static object? Convert(FieldSchema field, string value)
    {
        try
        {
            return field.Kind switch
            {
                FieldKind.String => value.Length == 0 ? null : value,
                FieldKind.Decimal => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture),
                FieldKind.Int32 => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture),
                FieldKind.Int64 => long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture),
                FieldKind.Boolean => bool.Parse(value),
                FieldKind.Enum => field.FindEnumMember(value) ?? throw new ArgumentException("'" + value + "' is not a member of " + field.EnumTypeName + ".", nameof(value)),
                _ => throw new ArgumentException("A bulk change sets string, number, boolean or enum fields; '" + field.Name + "' is " + field.Kind + ".", nameof(value)),
            };
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("'" + value + "' is not a valid " + field.Kind + " for '" + field.Name + "'.", nameof(value), ex);
        }
    }
}
