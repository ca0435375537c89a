using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DualWrite.Emulators.Dataverse.Messages;

internal sealed class CreateHandler : IMessageHandler
{
    public string MessageName => "Create";

    public bool IsWrite => true;

    public void Prepare(MessageExecution execution)
    {
        var target = execution.Input<Entity>("Target");
        execution.PrimaryEntityName = execution.Metadata.Table(target.LogicalName).LogicalName;
        execution.PrimaryEntityId = target.Id;
    }

    public void Execute(MessageExecution execution)
    {
        // Target as PreValidation/PreOperation steps left it: they may have changed its columns.
        var target = execution.Input<Entity>("Target");
        var id = execution.Records.Create(execution, target, execution.Caller.UserId);
        target.Id = id;
        execution.PrimaryEntityId = id;
        execution.OutputParameters["id"] = id;
    }

    public OrganizationResponse CreateResponse(MessageExecution execution)
        => new CreateResponse { ResponseName = MessageName, Results = execution.OutputParameters };
}
