using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DualWrite.Emulators.Dataverse.Messages;

internal sealed class UpdateHandler : IMessageHandler
{
    public string MessageName => "Update";

    public bool IsWrite => true;

    public void Prepare(MessageExecution execution)
    {
        var target = execution.Input<Entity>("Target");
        var table = execution.Metadata.Table(target.LogicalName);
        execution.PrimaryEntityName = table.LogicalName;
        var record = execution.Records.RequireRecord(execution.State, table, target.Id, target.KeyAttributes);
        execution.PrimaryEntityId = record.Id;
        target.Id = record.Id;
    }

    public void Execute(MessageExecution execution)
    {
        var target = execution.Input<Entity>("Target");
        var concurrency = execution.InputParameters.TryGetValue("ConcurrencyBehavior", out var value) && value is ConcurrencyBehavior c ? c : ConcurrencyBehavior.Default;
        execution.PrimaryEntityId = execution.Records.Update(execution, target, execution.Caller.UserId, concurrency);
    }

    public OrganizationResponse CreateResponse(MessageExecution execution)
        => new UpdateResponse { ResponseName = MessageName, Results = execution.OutputParameters };
}
