using System;
using DualWrite.Core.Filters;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Tests.Filters;

/// <summary>A seeded generator of filter trees (no FsCheck here) and a structural comparison.</summary>
internal static class RandomFilters
{
    private static readonly string[] Fields = { "a", "b", "Name", "msdyn_company/cdm_companycode", "notes", "orders", "true_flag" };

    public static FilterNode Node(Random random, int depth)
    {
        switch (depth > 3 ? 0 : random.Next(6))
        {
            case 0:
            case 1:
            case 2:
                {
                    var op = (ComparisonOperator)random.Next(6);
                    var value = Literal(random, allowEnum: op is ComparisonOperator.Equal or ComparisonOperator.NotEqual);
                    return new ComparisonExpression(new FieldReference(Fields[random.Next(Fields.Length)]), op, new FilterLiteral(value));
                }

            case 3:
                return new NotExpression(random.Next(3) == 0 ? new FieldReference("IsBlocked") : Node(random, depth + 1));
            default:
                return new LogicalExpression(Node(random, depth + 1), (LogicalOperator)random.Next(2), Node(random, depth + 1));
        }
    }

    public static bool SameTree(FilterNode x, FilterNode y) => (x, y) switch
    {
        (FieldReference a, FieldReference b) => a.Name == b.Name,
        (FilterLiteral a, FilterLiteral b) => Equals(KeysNormalize(a.Value), KeysNormalize(b.Value)),
        (ComparisonExpression a, ComparisonExpression b) => a.Operator == b.Operator && SameTree(a.Left, b.Left) && SameTree(a.Right, b.Right),
        (LogicalExpression a, LogicalExpression b) => a.Operator == b.Operator && SameTree(a.Left, b.Left) && SameTree(a.Right, b.Right),
        (NotExpression a, NotExpression b) => SameTree(a.Operand, b.Operand),
        _ => false,
    };

    private static object? KeysNormalize(object? value) => Tests.Keys.KeyValues.Normalize(value);

    private static object? Literal(Random random, bool allowEnum)
    {
        switch (random.Next(allowEnum ? 9 : 8))
        {
            case 0: return null;
            case 1: return random.Next(2) == 0;
            case 2: return (long)random.Next(int.MinValue, int.MaxValue);
            case 3: return new decimal(random.Next(), random.Next(), 0, random.Next(2) == 0, (byte)random.Next(0, 10));
            case 4:
                {
                    var bytes = new byte[16];
                    random.NextBytes(bytes);
                    return new Guid(bytes);
                }

            case 5: return new DateTimeOffset(2000 + random.Next(50), 1 + random.Next(12), 1 + random.Next(28), random.Next(24), random.Next(60), random.Next(60), TimeSpan.Zero);
            case 6: return new ODataDate(2000 + random.Next(50), 1 + random.Next(12), 1 + random.Next(28));
            case 7: return "x'" + (char)random.Next(0x20, 0x7F) + " and or not eq ) (" + char.ConvertFromUtf32(0x1F600);
            default: return ODataEnumValue.ForFinOps("PartyType", random.Next(2) == 0 ? "Organization" : "Person");
        }
    }
}
