using DualWrite.Emulators.Dataverse.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Messages;

internal sealed class RetrieveMultipleHandler : IMessageHandler
{
    public string MessageName => "RetrieveMultiple";

    public bool IsWrite => false;

    public void Prepare(MessageExecution execution)
    {
        var query = execution.Input<QueryBase>("Query");
        execution.PrimaryEntityName = QueryEvaluator.TableOf(query);
        execution.Metadata.Table(execution.PrimaryEntityName);
    }

    public void Execute(MessageExecution execution)
    {
        var query = execution.Input<QueryBase>("Query");
        execution.OutputParameters["BusinessEntityCollection"] = QueryEvaluator.Execute(execution.Metadata, execution.State, query);
    }

    public OrganizationResponse CreateResponse(MessageExecution execution)
    {
        // Plug-ins see the result as OutputParameters["BusinessEntityCollection"]; the response names it "EntityCollection".
        var response = new RetrieveMultipleResponse { ResponseName = MessageName };
        foreach (var pair in execution.OutputParameters)
        {
            response.Results[pair.Key] = pair.Value;
        }

        response.Results["EntityCollection"] = execution.OutputParameters["BusinessEntityCollection"];
        return response;
    }
}
