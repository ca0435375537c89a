using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Conflicts;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.Core.Records;

namespace DualWrite.Core.Tests.Conflicts;

/// <summary>
/// A small two-way contacts map whose policy a test chooses, and a builder for the three versions of
/// each field: <c>Field("name", base: "A", finOps: "B", dataverse: "A")</c>.
/// </summary>
internal sealed class ConflictScenario
{
    public static readonly DateTime Earlier = new(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Later = Earlier.AddMinutes(5);

    private readonly List<FieldVersions> _fields = new();

    public ConflictScenario(string policy, string? phonePolicy = null)
    {
        var phoneOverride = phonePolicy is null ? string.Empty : ", \"conflictPolicy\": \"" + phonePolicy + "\"";
        var json = """
            {
              "schemaVersion": 1,
              "name": "Contacts",
              "direction": "TwoWay",
              "conflictPolicy": "POLICY",
              "finOps": { "entitySet": "Contacts", "key": ["ContactPersonId"] },
              "dataverse": { "entitySet": "contacts", "logicalName": "contact", "key": ["msdyn_contactpersonid"] },
              "fields": [
                { "finOps": "ContactPersonId", "dataverse": "msdyn_contactpersonid" },
                { "finOps": "FirstName", "dataverse": "firstname" },
                { "finOps": "LastName", "dataverse": "lastname" },
                { "finOps": "PrimaryPhoneNumber", "dataverse": "telephone1" PHONE },
                { "finOps": "CreditScore", "dataverse": "msdyn_creditscore", "type": "decimal", "direction": "FinOpsToDataverse" }
              ]
            }
            """.Replace("POLICY", policy, StringComparison.Ordinal).Replace(" PHONE", phoneOverride, StringComparison.Ordinal);
        var loaded = MapLoader.Load(json, "contacts.json");
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        Map = loaded.Map!;
    }

    public TableMap Map { get; }

    public DateTime? FinOpsModifiedOn { get; set; } = Earlier;

    public DateTime? DataverseModifiedOn { get; set; } = Earlier;

    public ConflictScenario Field(string dataverseColumn, object? @base, object? finOps, object? dataverse)
    {
        var field = Map.Fields.Single(f => f.DataverseField == dataverseColumn);
        _fields.Add(new FieldVersions(field, ToValue(@base), ToValue(finOps), ToValue(dataverse)));
        return this;
    }

    public ConflictResolution Resolve() =>
        ConflictResolver.Resolve(new ConflictRequest(Map, _fields, FinOpsModifiedOn, DataverseModifiedOn, "C-001"));

    /// <summary>Unknown (no base, no record) is <see cref="Unknown"/>; a C# null is a known empty value.</summary>
    public static readonly object Unknown = new();

    private static RecordValue? ToValue(object? value) => value switch
    {
        null => RecordValue.Null,
        _ when ReferenceEquals(value, Unknown) => null,
        RecordValue recordValue => recordValue,
        string text => RecordValue.FromString(text),
        int number => RecordValue.FromInteger(number),
        decimal number => RecordValue.FromDecimal(number),
        _ => throw new ArgumentException("No record value for " + value.GetType()),
    };
}
