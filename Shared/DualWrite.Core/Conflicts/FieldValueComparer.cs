using System;
using DualWrite.Core.Records;

namespace DualWrite.Core.Conflicts;

/// <summary>
/// Equality of two Dataverse-side values as the conflict rules need it: numbers by value whatever their
/// kind (money, decimal, integer, choice), an empty string equal to null (Dataverse stores "" as null),
/// lookups by id when both ids are known, else by key value.
/// </summary>
public static class FieldValueComparer
{
    public static bool AreEqual(RecordValue? left, RecordValue? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        left = EmptyAsNull(left);
        right = EmptyAsNull(right);
        if (left.IsNull || right.IsNull)
        {
            return left.IsNull && right.IsNull;
        }

        if (left.TryGetNumber(out var leftNumber) && right.TryGetNumber(out var rightNumber))
        {
            return leftNumber == rightNumber;
        }

        if (left.TryGetLookup(out var leftLookup) && right.TryGetLookup(out var rightLookup))
        {
            if (!string.Equals(leftLookup.LogicalName, rightLookup.LogicalName, StringComparison.Ordinal))
            {
                return false;
            }

            if (leftLookup.Id is Guid leftId && rightLookup.Id is Guid rightId)
            {
                return leftId == rightId;
            }

            return leftLookup.KeyValue is not null && string.Equals(leftLookup.KeyValue, rightLookup.KeyValue, StringComparison.Ordinal);
        }

        return left.Equals(right);
    }

    private static RecordValue EmptyAsNull(RecordValue value) =>
        value.TryGetString(out var text) && text.Length == 0 ? RecordValue.Null : value;
}
