using System.Net;
using DualWrite.Listener.Bulk.Writing;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.Listener.Tests.Bulk.Writing;

public sealed class DataverseBulkChannelTests
{
    [Theory]
    [InlineData(HttpStatusCode.NotFound, "Resource not found for the segment 'UpsertMultiple'.", true)]
    [InlineData(HttpStatusCode.BadRequest, "UpsertMultiple is not enabled on the entity msdyn_thing.", true)]
    [InlineData(HttpStatusCode.BadRequest, "The 'CreateMultiple' method does not support entities of type 'x'.", true)]
    [InlineData(HttpStatusCode.NotFound, "A record with the specified key values does not exist in msdyn_customergroup entity", false)]
    [InlineData(HttpStatusCode.BadRequest, "Cannot convert the literal for property 'creditlimit'.", false)]
    public void Only_a_refusal_of_the_action_itself_sends_a_table_to_batch(HttpStatusCode status, string message, bool unsupported) =>
        Assert.Equal(unsupported, DataverseBulkChannel.ActionUnsupported(new ODataError(status, null, message, null, "Dataverse", "POST")));
}
