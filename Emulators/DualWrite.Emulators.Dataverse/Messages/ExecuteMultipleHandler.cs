using System;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DualWrite.Emulators.Dataverse.Messages;

/// <summary>
/// ExecuteMultiple: runs each request on its own (its own transaction at top level), collecting responses and
/// faults; stops at the first fault unless ContinueOnError.
/// </summary>
internal sealed class ExecuteMultipleHandler : IDirectMessageHandler
{
    /// <summary>The platform's batch size limit.</summary>
    public const int MaxRequests = 1000;

    public string MessageName => "ExecuteMultiple";

    public OrganizationResponse Execute(OrganizationRequest request, ExecutionCaller caller, InMemoryDataverse engine)
    {
        var typed = request as ExecuteMultipleRequest;
        var requests = typed?.Requests ?? (request.Parameters.TryGetValue("Requests", out var r) ? r as OrganizationRequestCollection : null);
        var settings = typed?.Settings ?? (request.Parameters.TryGetValue("Settings", out var s) ? s as ExecuteMultipleSettings : null);
        if (requests is null || settings is null)
        {
            throw DataverseFaultException.Create(ErrorCodes.InvalidArgument, "ExecuteMultiple needs both Requests and Settings.");
        }

        if (requests.Count > MaxRequests)
        {
            throw DataverseFaultException.Create(ErrorCodes.InvalidArgument, $"ExecuteMultiple carries {requests.Count} requests; the limit is {MaxRequests}.");
        }

        var tag = request.Parameters.TryGetValue("tag", out var t) ? t as string : null;
        var bypass = request.Parameters.TryGetValue("BypassCustomPluginExecution", out var b) && b is true;
        var itemCaller = caller with
        {
            InheritedTag = tag ?? caller.InheritedTag,
            InheritedBypass = bypass || caller.InheritedBypass,
        };
        var responses = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        for (var index = 0; index < requests.Count; index++)
        {
            var item = requests[index];
            try
            {
                if (item is null || string.Equals(item.RequestName, MessageName, StringComparison.Ordinal))
                {
                    throw DataverseFaultException.Create(ErrorCodes.InvalidArgument, "ExecuteMultiple cannot contain another ExecuteMultiple (or a null request).");
                }

                var response = engine.Execute(item, itemCaller);
                if (settings.ReturnResponses)
                {
                    responses.Add(new ExecuteMultipleResponseItem { RequestIndex = index, Response = response });
                }
            }
            catch (Exception ex) when (ex is DataverseFaultException or InvalidPluginExecutionException)
            {
                faulted = true;
                responses.Add(new ExecuteMultipleResponseItem { RequestIndex = index, Fault = FaultOf(ex) });
                if (!settings.ContinueOnError)
                {
                    break;
                }
            }
        }

        var result = new ExecuteMultipleResponse { ResponseName = MessageName };
        result.Results["Responses"] = responses;
        result.Results["IsFaulted"] = faulted;
        return result;
    }

    internal static OrganizationServiceFault FaultOf(Exception exception) => exception switch
    {
        DataverseFaultException fault => fault.Fault,
        InvalidPluginExecutionException plugin => new OrganizationServiceFault
        {
            ErrorCode = plugin.ErrorCode != 0 ? plugin.ErrorCode : ErrorCodes.IsvAborted,
            Message = plugin.Message,
        },
        _ => new OrganizationServiceFault { ErrorCode = ErrorCodes.Unspecified, Message = exception.Message },
    };
}
