using System;
using DualWrite.Core.Json;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;
using DualWrite.Core.Wire;

namespace DualWrite.Core.Tests.Wire;

public class RecordJsonTests
{
    private static readonly Guid GroupId = Guid.Parse("99999999-0000-0000-0000-000000000001");

    private static string Of(RecordValue value, FieldType type, WireTarget target = WireTarget.Dataverse) =>
        JsonWriter.Write(RecordJson.Value(value, type, target));

    [Theory]
    [InlineData(WireTarget.Dataverse)]
    [InlineData(WireTarget.FinOps)]
    public void Plain_values_are_written_the_same_way_to_both_services(WireTarget target)
    {
        Assert.Equal("\"Contoso\"", Of(RecordValue.FromString("Contoso"), FieldType.String, target));
        Assert.Equal("192350002", Of(RecordValue.FromInteger(192350002), FieldType.Choice, target));
        Assert.Equal("true", Of(RecordValue.FromBoolean(true), FieldType.Bool, target));
        Assert.Equal("null", Of(RecordValue.Null, FieldType.String, target));
        Assert.Equal("\"c27a0e6f-c6eb-f230-1dda-5f1cf365e619\"", Of(RecordValue.FromGuid(Guid.Parse("c27a0e6f-c6eb-f230-1dda-5f1cf365e619")), FieldType.Guid, target));
    }

    [Fact]
    public void Decimals_and_money_keep_their_scale_and_never_pass_through_a_double()
    {
        Assert.Equal("1500.50", Of(RecordValue.FromMoney(1500.50m), FieldType.Money));
        Assert.Equal("0.1000000000000000000000000001", Of(RecordValue.FromDecimal(0.1000000000000000000000000001m), FieldType.Decimal, WireTarget.FinOps));
    }

    [Fact]
    public void A_date_field_is_written_as_a_calendar_date_and_a_date_time_as_UTC()
    {
        var moment = RecordValue.FromDateTime(new DateTime(2024, 5, 1, 13, 45, 30, 500, DateTimeKind.Utc));

        Assert.Equal("\"2024-05-01\"", Of(moment, FieldType.Date, WireTarget.FinOps));
        Assert.Equal("\"2024-05-01T13:45:30.5Z\"", Of(moment, FieldType.DateTime, WireTarget.FinOps));
        Assert.Equal("\"2024-05-01T00:00:00Z\"", Of(RecordValue.FromDateTime(new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc)), FieldType.DateTime));
    }

    [Fact]
    public void A_lookup_goes_to_FinOps_as_its_code_even_when_its_id_is_known()
    {
        var lookup = RecordValue.FromLookup(new LookupValue("msdyn_customergroup", GroupId, "10"));

        Assert.Equal("\"10\"", Of(lookup, FieldType.String, WireTarget.FinOps));
    }

    [Fact]
    public void A_lookup_without_its_code_cannot_go_to_FinOps()
    {
        var lookup = RecordValue.FromLookup(LookupValue.ById("msdyn_customergroup", GroupId));

        var refused = Assert.Throws<NotSupportedException>(() => RecordJson.Value(lookup, FieldType.String, WireTarget.FinOps));
        Assert.Contains("msdyn_customergroup", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lookup_goes_to_Dataverse_as_its_id_when_known_else_its_code()
    {
        Assert.Equal("\"99999999-0000-0000-0000-000000000001\"", Of(RecordValue.FromLookup(new LookupValue("msdyn_customergroup", GroupId, "10")), FieldType.Lookup));
        Assert.Equal("\"10\"", Of(RecordValue.FromLookup(LookupValue.ByKey("msdyn_customergroup", "10")), FieldType.Lookup));
    }

    [Fact]
    public void A_body_keeps_payload_order_and_writes_binds_as_paths_or_null()
    {
        var payload = new[]
        {
            new PayloadField("msdyn_company@odata.bind", RecordValue.FromString("/cdm_companies(cdm_companycode='USMF')"), FieldType.Lookup, null, isBind: true),
            new PayloadField("name", RecordValue.FromString("Contoso \"EU\""), FieldType.String, null, isBind: false),
            new PayloadField("msdyn_customergroupid@odata.bind", RecordValue.Null, FieldType.Lookup, null, isBind: true),
            new PayloadField("creditlimit", RecordValue.FromMoney(12.50m), FieldType.Money, null, isBind: false),
        };

        Assert.Equal(
            "{\"msdyn_company@odata.bind\":\"/cdm_companies(cdm_companycode='USMF')\",\"name\":\"Contoso \\\"EU\\\"\",\"msdyn_customergroupid@odata.bind\":null,\"creditlimit\":12.50}",
            RecordJson.Write(payload, WireTarget.Dataverse));
    }

    [Fact]
    public void An_empty_payload_is_an_empty_object()
    {
        Assert.Equal("{}", RecordJson.Write(Array.Empty<PayloadField>(), WireTarget.FinOps));
    }
}
