using System.Linq;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;

namespace DualWrite.Core.Tests.Mapping;

public class DeterminismTests
{
    private static readonly TableMap Map = CustomerMap.Load();

    [Fact]
    public void The_same_request_maps_to_the_same_result_every_time()
    {
        var record = TestRecords.Of("usmf", "CustomerAccount", "US-001", "OrganizationName", "Contoso", "CustomerGroupId", "10", "CreditLimitIsMandatory", "Maybe", "OnHoldStatus", "No");
        var request = new MappingRequest(Map, SyncDirection.FinOpsToDataverse, record);

        var first = MappingEngine.Map(request);
        var second = MappingEngine.Map(request);

        Assert.Equal(first.Lines(), second.Lines());
        Assert.Equal(first.ErrorSentences(), second.ErrorSentences());
        Assert.Equal(first.LookupsToResolve.Select(l => l.ToString()), second.LookupsToResolve.Select(l => l.ToString()));
        Assert.Equal(first.TargetKey!.ToString(), second.TargetKey!.ToString());
    }

    [Fact]
    public void The_payload_follows_the_map_order_whatever_the_order_of_the_record_fields()
    {
        var forwards = TestRecords.Of("usmf", "CustomerAccount", "US-001", "OrganizationName", "Contoso", "SalesMemo", "Note", "CreditLimit", 5m);
        var backwards = TestRecords.Of("usmf", "CreditLimit", 5m, "SalesMemo", "Note", "OrganizationName", "Contoso", "CustomerAccount", "US-001");

        var one = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, forwards, SyncOperation.Update));
        var other = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, backwards, SyncOperation.Update));

        Assert.Equal(one.Lines(), other.Lines());
    }
}
