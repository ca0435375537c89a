using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;
using DualWrite.Core.Wire;
using DualWrite.Listener.Applying;

namespace DualWrite.Listener.Tests.Applying;

public class PayloadBodyTests
{
    [Fact]
    public void The_client_body_carries_Cores_json_unchanged_amounts_keep_their_scale()
    {
        var payload = new[]
        {
            new PayloadField("msdyn_customergroupid@odata.bind", RecordValue.Null, FieldType.Lookup, null, isBind: true),
            new PayloadField("creditlimit", RecordValue.FromMoney(1500.50m), FieldType.Money, null, isBind: false),
            new PayloadField("accountnumber", RecordValue.FromString("US-001"), FieldType.String, null, isBind: false),
        };

        var body = PayloadBody.From(payload, WireTarget.Dataverse);

        Assert.Equal(3, body.Count);
        Assert.Equal("{\"msdyn_customergroupid@odata.bind\":null,\"creditlimit\":1500.50,\"accountnumber\":\"US-001\"}", body.ToJsonString());
    }
}
