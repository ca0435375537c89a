using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;
using Microsoft.OData.Edm;

namespace DualWrite.MapValidation.Validation;

/// <summary>
/// Value maps cover every enum member and choice value that can travel through them, and every
/// literal (entries, defaults, constants) is a member of its enum or choice.
/// </summary>
internal static class ValueChecks
{
    public static void Run(MapCheckContext context)
    {
        foreach (var field in context.Map.Fields)
        {
            if (field.FinOpsField is not null && context.FinOpsType?.FindProperty(field.FinOpsField) is IEdmStructuralProperty finOpsProperty && finOpsProperty.Type.IsEnum())
            {
                CheckEnum(context, field, finOpsProperty.Type.AsEnum().EnumDefinition());
            }

            if (field.DataverseField is not null && field.Lookup is null && context.DataverseType?.FindProperty(field.DataverseField) is IEdmStructuralProperty dataverseProperty)
            {
                var choices = context.Choices.ValuesOf(context.Map.Dataverse.LogicalName, field.DataverseField);
                if (choices is not null)
                {
                    CheckChoice(context, field, choices);
                }
                else if (dataverseProperty.Type.IsBoolean())
                {
                    CheckBoolean(context, field);
                }
            }
        }
    }

    private static void CheckEnum(MapCheckContext context, FieldMap field, IEdmEnumType enumType)
    {
        var members = enumType.Members.ToList();
        bool IsMember(RecordValue value) => members.Any(member => Same(member, value));
        var name = field.FinOpsField!;

        foreach (var literal in OneSidedLiterals(field, field.DataverseField is null, SyncDirection.DataverseToFinOps))
        {
            if (!IsMember(literal))
            {
                context.Report(name, ValidationIssueCode.UnknownValue,
                    "'" + literal + "' is not a member of F&O enum " + enumType.Name + " (" + string.Join(", ", members.Select(member => member.Name)) + ").");
            }
        }

        if (field.ValueMap is null)
        {
            return;
        }

        foreach (var entry in field.ValueMap.Entries.Where(entry => !IsMember(entry.FinOps)))
        {
            context.Report(name, ValidationIssueCode.UnknownValue,
                "value map entry '" + entry.FinOps + "' is not a member of F&O enum " + enumType.Name + ".");
        }

        if (field.Carries(SyncDirection.FinOpsToDataverse) && field.ValueMap.DefaultToDataverse is null)
        {
            var uncovered = members.Where(member => !field.ValueMap.Entries.Any(entry => Same(member, entry.FinOps))).Select(member => member.Name).ToList();
            if (uncovered.Count > 0)
            {
                context.Report(name, ValidationIssueCode.ValueNotCovered,
                    "F&O enum " + enumType.Name + " members " + string.Join(", ", uncovered) + " have no value map entry (and the map has no default toward Dataverse).");
            }
        }
    }

    private static void CheckChoice(MapCheckContext context, FieldMap field, IReadOnlyList<long> values)
    {
        var name = field.DataverseField!;
        bool IsValue(RecordValue literal) => literal.TryGetInteger(out var number) && values.Contains(number);

        foreach (var literal in OneSidedLiterals(field, field.FinOpsField is null, SyncDirection.FinOpsToDataverse).Where(literal => !IsValue(literal)))
        {
            context.Report(name, ValidationIssueCode.UnknownValue,
                "'" + literal + "' is not a value of choice " + context.Map.Dataverse.LogicalName + "." + name + " (" + Join(values) + ").");
        }

        if (field.ValueMap is null)
        {
            return;
        }

        foreach (var entry in field.ValueMap.Entries.Where(entry => !IsValue(entry.Dataverse)))
        {
            context.Report(name, ValidationIssueCode.UnknownValue,
                "value map entry '" + entry.Dataverse + "' is not a value of choice " + context.Map.Dataverse.LogicalName + "." + name + " (" + Join(values) + ").");
        }

        if (field.Carries(SyncDirection.DataverseToFinOps) && field.ValueMap.DefaultToFinOps is null)
        {
            var uncovered = values.Where(value => !field.ValueMap.Entries.Any(entry => entry.Dataverse.TryGetInteger(out var number) && number == value)).ToList();
            if (uncovered.Count > 0)
            {
                context.Report(name, ValidationIssueCode.ValueNotCovered,
                    "choice values " + Join(uncovered) + " of " + context.Map.Dataverse.LogicalName + "." + name
                    + " have no value map entry (and the map has no default toward F&O).");
            }
        }
    }

    private static void CheckBoolean(MapCheckContext context, FieldMap field)
    {
        if (field.ValueMap is null || !field.Carries(SyncDirection.DataverseToFinOps) || field.ValueMap.DefaultToFinOps is not null)
        {
            return;
        }

        foreach (var value in new[] { false, true })
        {
            if (!field.ValueMap.Entries.Any(entry => entry.Dataverse.TryGetBoolean(out var flag) && flag == value))
            {
                context.Report(field.DataverseField, ValidationIssueCode.ValueNotCovered,
                    "Dataverse value " + (value ? "true" : "false") + " of '" + field.DataverseField + "' has no value map entry.");
            }
        }
    }

    /// <summary>The default and constant of a one-sided field: the literals written to its only side.</summary>
    private static IEnumerable<RecordValue> OneSidedLiterals(FieldMap field, bool oneSided, SyncDirection toThisSide)
    {
        if (!oneSided)
        {
            yield break;
        }

        var defaultValue = field.DefaultFor(toThisSide);
        if (defaultValue is not null && !defaultValue.IsNull)
        {
            yield return defaultValue;
        }

        if (field.Constant is not null && !field.Constant.IsNull)
        {
            yield return field.Constant;
        }
    }

    private static bool Same(IEdmEnumMember member, RecordValue value) =>
        (value.TryGetString(out var symbol) && symbol == member.Name)
        || (value.TryGetInteger(out var number) && number == member.Value.Value);

    private static string Join(IEnumerable<long> values) =>
        string.Join(", ", values.Select(value => value.ToString(CultureInfo.InvariantCulture)));
}
