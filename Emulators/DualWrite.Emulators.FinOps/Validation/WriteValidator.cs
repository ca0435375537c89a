using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.Validation;

/// <summary>
/// What F&amp;O checks when a row is written: required fields filled, strings within their length,
/// references to rows that exist. Every problem is returned at once, worded like F&amp;O's infolog.
/// </summary>
public sealed class WriteValidator
{
    private readonly FinOpsSchema _schema;
    private readonly ILookup<string, ReferenceRule> _rulesBySet;

    public WriteValidator(FinOpsSchema schema, IEnumerable<ReferenceRule> rules)
    {
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        var list = (rules ?? throw new ArgumentNullException(nameof(rules))).ToList();
        var problems = ReferenceRules.Check(list, schema);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The reference rules do not fit the schema: " + string.Join(" ", problems), nameof(rules));
        }

        _rulesBySet = list.ToLookup(r => r.EntitySet, StringComparer.Ordinal);
    }

    /// <summary>The problems of <paramref name="row"/> as it would be stored; empty when it may be written.</summary>
    public IReadOnlyList<string> Validate(StoreView view, EntitySetSchema set, object?[] row)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(row);
        var problems = new List<string>();
        foreach (var field in set.Fields)
        {
            var text = RowStorage.Raw(row, field.Index) as string;
            if (field.IsRequired && string.IsNullOrEmpty(text))
            {
                problems.Add("Field '" + field.Name + "' must be filled in.");
            }

            // [unconfirmed] F&O refuses an over-long string on write rather than truncating it.
            if (text is not null && field.MaxLength is int max && text.Length > max)
            {
                problems.Add(string.Format(
                    CultureInfo.InvariantCulture,
                    "The value '{0}' in field '{1}' is {2} characters long; the field holds at most {3}.",
                    text,
                    field.Name,
                    text.Length,
                    max));
            }
        }

        foreach (var rule in _rulesBySet[set.Name])
        {
            var field = set.GetField(rule.Field);
            if (RowStorage.Raw(row, field.Index) is not string value || value.Length == 0)
            {
                continue;
            }

            var target = _schema.Get(rule.TargetEntitySet);
            var probe = new object?[target.Fields.Count];
            if (rule.SameCompany)
            {
                probe[target.Company!.Index] = row[set.Company!.Index];
                probe[target.KeyFields[1].Index] = value;
            }
            else
            {
                probe[target.KeyFields[0].Index] = value;
            }

            if (view.Find(target, probe) is null)
            {
                problems.Add("The value '" + value + "' in field '" + field.Name + "' is not found in the related table '" + target.Name + "'"
                    + (rule.SameCompany ? " of company '" + row[set.Company!.Index] + "'." : "."));
            }
        }

        return problems;
    }
}
