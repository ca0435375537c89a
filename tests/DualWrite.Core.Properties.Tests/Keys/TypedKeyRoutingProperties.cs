using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using DualWrite.Core.Keys;
using DualWrite.Core.Properties.Tests.Generators;
using DualWrite.Emulators.FinOps.OData;
using DualWrite.Emulators.FinOps.OData.Routing;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Core.Properties.Tests.Keys;

/// <summary>
/// Keys of several parts and types (strings, enums) formatted by Core's F&amp;O key builder reach the
/// F&amp;O emulator's router as the same values, in the stored types, whatever order the key fields are listed in.
/// </summary>
public class TypedKeyRoutingProperties
{
    private static readonly ODataRouter Router = new(FinOpsSchema.Standard);

    [Fact]
    public void A_key_listed_in_any_field_order_routes_with_the_company_first()
    {
        var set = FinOpsSchema.Standard.Find("SalesOrderLines")!;
        Gen.Select(KeyStrings.Of(1, 20), Gen.Bool).Sample(
            (lot, reversed) =>
            {
                string[] fields = reversed ? ["InventoryLotId", "dataAreaId"] : ["dataAreaId", "InventoryLotId"];
                var values = new Dictionary<string, object?> { ["dataAreaId"] = "usmf", ["InventoryLotId"] = lot };
                var probe = Route(FinOpsKeyBuilder.Build("SalesOrderLines", fields, values));
                Assert.Equal(lot, probe[set.GetField("InventoryLotId").Index]);
                Assert.Equal("usmf", probe[set.GetField("dataAreaId").Index]);
            },
            iter: 2000,
            print: c => Printed.Literal(c.Item1) + ", reversed " + c.Item2);
    }

    [Fact]
    public void A_contact_key_with_an_enum_part_routes_to_the_enum_member()
    {
        var set = FinOpsSchema.Standard.Find("CDSContactPersonsV2")!;
        var type = set.GetField("AssociatedContactType");
        var enumName = type.EnumTypeName!.Substring(ODataEnumValue.FinOpsNamespace.Length + 1);
        Gen.Select(KeyStrings.Of(1, 40), KeyStrings.Of(1, 20), Gen.Int[0, type.EnumMembers.Count - 1]).Sample(
            (party, number, member) =>
            {
                var symbol = type.EnumMembers[member];
                var values = new Dictionary<string, object?>
                {
                    ["dataAreaId"] = "usmf",
                    ["ContactPersonPartyNumber"] = party,
                    ["AssociatedContactType"] = ODataEnumValue.ForFinOps(enumName, symbol),
                    ["AssociatedContactNumber"] = number,
                };
                var probe = Route(FinOpsKeyBuilder.Build("CDSContactPersonsV2", values.Keys.ToList(), values));
                Assert.Equal(party, probe[set.GetField("ContactPersonPartyNumber").Index]);
                Assert.Equal(number, probe[set.GetField("AssociatedContactNumber").Index]);
                Assert.Equal(type.FindEnumMember(symbol), probe[type.Index]);
            },
            iter: 2000,
            print: c => Printed.Literal(c.Item1) + ", " + Printed.Literal(c.Item2) + ", member " + c.Item3);
    }

    private static object?[] Route(KeyResult key)
    {
        Assert.True(key.IsSuccess, key.Error);
        var request = new ODataRequest("GET", key.Path, string.Empty, new Dictionary<string, string>(), string.Empty, new Uri("http://localhost/data/"));
        Assert.True(Router.TryRoute(request, batchAllowed: false, out var route, out var error), key.Path + ": " + (error?.Body is byte[] body ? System.Text.Encoding.UTF8.GetString(body) : null));
        return route!.Probe!;
    }
}
