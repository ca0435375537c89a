using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Emulators.Dataverse.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DualWrite.Emulators.Dataverse.Messages;

/// <summary>
/// CreateMultiple, UpdateMultiple and UpsertMultiple: all targets in one transaction (all or none), each running
/// the single-record message as an inner message so steps registered on Create/Update/Upsert still fire.
/// </summary>
internal sealed class MultipleHandler : IMessageHandler
{
    private readonly string _single;

    public MultipleHandler(string single)
    {
        _single = single;
    }

    public string MessageName => _single + "Multiple";

    public bool IsWrite => true;

    public void Prepare(MessageExecution execution)
    {
        var targets = execution.Input<EntityCollection>("Targets");
        var names = targets.Entities.Select(e => e.LogicalName).Append(targets.EntityName).Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count != 1)
        {
            throw DataverseFaultException.Create(
                ErrorCodes.InvalidArgument,
                $"{MessageName} needs targets of exactly one table; got {(names.Count == 0 ? "none" : string.Join(", ", names))}.");
        }

        execution.PrimaryEntityName = execution.Metadata.Table(names[0]).LogicalName;
    }

    public void Execute(MessageExecution execution)
    {
        var targets = execution.Input<EntityCollection>("Targets");
        var concurrency = execution.InputParameters.TryGetValue("ConcurrencyBehavior", out var value) && value is ConcurrencyBehavior c ? c : ConcurrencyBehavior.Default;
        var ids = new List<Guid>();
        var upserts = new List<UpsertResponse>();
        foreach (var target in targets.Entities)
        {
            switch (_single)
            {
                case "Create":
                    ids.Add(((CreateResponse)execution.ExecuteInner(new CreateRequest { Target = target })).id);
                    break;
                case "Update":
                    execution.ExecuteInner(new UpdateRequest { Target = target, ConcurrencyBehavior = concurrency });
                    break;
                default:
                    upserts.Add((UpsertResponse)execution.ExecuteInner(new UpsertRequest { Target = target }));
                    break;
            }
        }

        if (_single == "Create")
        {
            execution.OutputParameters["Ids"] = ids.ToArray();
        }
        else if (_single == "Upsert")
        {
            execution.OutputParameters["Results"] = upserts.ToArray();
        }
    }

    public OrganizationResponse CreateResponse(MessageExecution execution) => _single switch
    {
        "Create" => new CreateMultipleResponse { ResponseName = MessageName, Results = execution.OutputParameters },
        "Update" => new UpdateMultipleResponse { ResponseName = MessageName, Results = execution.OutputParameters },
        _ => WithResults(new UpsertMultipleResponse { ResponseName = MessageName }, execution.OutputParameters),
    };

    // UpsertMultipleResponse hides Results with its typed array, so the parameter collection is set through the base type.
    private static OrganizationResponse WithResults(OrganizationResponse response, ParameterCollection results)
    {
        response.Results = results;
        return response;
    }
}
