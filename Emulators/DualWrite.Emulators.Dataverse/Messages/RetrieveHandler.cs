using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Messages;

internal sealed class RetrieveHandler : IMessageHandler
{
    public string MessageName => "Retrieve";

    public bool IsWrite => false;

    public void Prepare(MessageExecution execution)
    {
        var target = execution.Input<EntityReference>("Target");
        var table = execution.Metadata.Table(target.LogicalName);
        execution.PrimaryEntityName = table.LogicalName;
        if (!execution.InputParameters.TryGetValue("ColumnSet", out var columns) || columns is not ColumnSet)
        {
            throw DataverseFaultException.Create(ErrorCodes.InvalidArgument, "Required field 'ColumnSet' is missing from the Retrieve request.");
        }

        execution.PrimaryEntityId = execution.Records.ResolveId(execution.State, table, target.Id, target.KeyAttributes);
    }

    public void Execute(MessageExecution execution)
    {
        var target = execution.Input<EntityReference>("Target");
        var table = execution.Metadata.Table(target.LogicalName);
        var record = execution.Records.RequireRecord(execution.State, table, target.Id, target.KeyAttributes);
        execution.PrimaryEntityId = record.Id;
        execution.OutputParameters["BusinessEntity"] = RecordOperations.ToEntity(table, record, execution.Input<ColumnSet>("ColumnSet"));
    }

    public OrganizationResponse CreateResponse(MessageExecution execution)
    {
        // Plug-ins see the result as OutputParameters["BusinessEntity"]; the response names it "Entity".
        var response = new RetrieveResponse { ResponseName = MessageName };
        foreach (var pair in execution.OutputParameters)
        {
            response.Results[pair.Key] = pair.Value;
        }

        response.Results["Entity"] = execution.OutputParameters["BusinessEntity"];
        return response;
    }
}
