using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DualWrite.Emulators.Dataverse.Messages;

internal sealed class DeleteHandler : IMessageHandler
{
    public string MessageName => "Delete";

    public bool IsWrite => true;

    public void Prepare(MessageExecution execution)
    {
        var target = execution.Input<EntityReference>("Target");
        var table = execution.Metadata.Table(target.LogicalName);
        execution.PrimaryEntityName = table.LogicalName;
        execution.PrimaryEntityId = execution.Records.RequireRecord(execution.State, table, target.Id, target.KeyAttributes).Id;
    }

    public void Execute(MessageExecution execution)
    {
        var target = execution.Input<EntityReference>("Target");
        var concurrency = execution.InputParameters.TryGetValue("ConcurrencyBehavior", out var value) && value is ConcurrencyBehavior c ? c : ConcurrencyBehavior.Default;
        execution.Records.Delete(execution, target, concurrency);
    }

    public OrganizationResponse CreateResponse(MessageExecution execution)
        => new DeleteResponse { ResponseName = MessageName, Results = execution.OutputParameters };
}
