using System;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DualWrite.Emulators.Dataverse.Messages;

/// <summary>
/// ExecuteTransaction: runs every request, in order, with its full plug-in pipeline inside ONE transaction (nested
/// plug-in writes join it). The first fault rolls back every request's writes and is raised as an
/// <see cref="ExecuteTransactionFault"/> naming the request's index; asynchronous steps run only after the commit.
/// </summary>
/// <remarks>
/// The platform documents that ExecuteTransaction may not contain ExecuteMultiple or ExecuteTransaction, and
/// advises against batch requests inside plug-ins without saying what a call from within an open transaction does;
/// this emulator refuses such a call rather than guess whether it joins the caller's transaction.
/// </remarks>
internal sealed class ExecuteTransactionHandler : IDirectMessageHandler
{
    /// <summary>The platform's batch size limit (the same as ExecuteMultiple's).</summary>
    public const int MaxRequests = 1000;

    public string MessageName => "ExecuteTransaction";

    public OrganizationResponse Execute(OrganizationRequest request, ExecutionCaller caller, InMemoryDataverse engine)
    {
        var typed = request as ExecuteTransactionRequest;
        var requests = typed?.Requests ?? (request.Parameters.TryGetValue("Requests", out var r) ? r as OrganizationRequestCollection : null);
        var returnResponses = (typed?.ReturnResponses ?? (request.Parameters.TryGetValue("ReturnResponses", out var rr) ? rr as bool? : null)) ?? false;
        if (requests is null)
        {
            throw DataverseFaultException.Create(ErrorCodes.InvalidArgument, "ExecuteTransaction needs Requests.");
        }

        if (requests.Count > MaxRequests)
        {
            throw DataverseFaultException.Create(ErrorCodes.InvalidArgument, $"ExecuteTransaction carries {requests.Count} requests; the limit is {MaxRequests}.");
        }

        if (caller.Transaction is not null)
        {
            throw DataverseFaultException.Create(
                ErrorCodes.InvalidArgument,
                "ExecuteTransaction cannot run inside a transaction that is already open (a synchronous plug-in step or another ExecuteTransaction); issue its requests one by one, they join the open transaction.");
        }

        for (var index = 0; index < requests.Count; index++)
        {
            if (Refused(requests[index]) is { } reason)
            {
                throw Fault(index, new OrganizationServiceFault { ErrorCode = ErrorCodes.InvalidArgument, Message = reason }, exception: null);
            }
        }

        var tag = request.Parameters.TryGetValue("tag", out var t) ? t as string : null;
        var bypass = request.Parameters.TryGetValue("BypassCustomPluginExecution", out var b) && b is true;
        var itemCaller = caller with
        {
            InheritedTag = tag ?? caller.InheritedTag,
            InheritedBypass = bypass || caller.InheritedBypass,
        };

        var responses = new OrganizationResponseCollection();
        using (var transaction = new EngineTransaction(engine, new ActiveTransaction(engine.Store.Begin()), itemCaller))
        {
            for (var index = 0; index < requests.Count; index++)
            {
                OrganizationResponse response;
                try
                {
                    response = transaction.Execute(requests[index]);
                }
                catch (Exception ex) when (ex is DataverseFaultException or InvalidPluginExecutionException)
                {
                    // Leaving without a commit drops the writes of every request so far, nested plug-in writes included.
                    throw Fault(index, ExecuteMultipleHandler.FaultOf(ex), ex);
                }

                if (returnResponses)
                {
                    responses.Add(response);
                }
            }

            // Commit publishes every write at once and only then runs the queued asynchronous steps.
            transaction.Commit();
        }

        var result = new ExecuteTransactionResponse { ResponseName = MessageName };
        result.Results["Responses"] = responses;
        return result;
    }

    private string? Refused(OrganizationRequest? item) => item?.RequestName switch
    {
        null => "ExecuteTransaction cannot contain a null request.",
        "ExecuteMultiple" => "ExecuteTransaction cannot contain an ExecuteMultiple request.",
        var name when string.Equals(name, MessageName, StringComparison.Ordinal) => "ExecuteTransaction cannot contain another ExecuteTransaction request.",
        _ => null,
    };

    private static DataverseFaultException Fault(int index, OrganizationServiceFault inner, Exception? exception)
    {
        var fault = new ExecuteTransactionFault
        {
            FaultedRequestIndex = index,
            ErrorCode = inner.ErrorCode,
            Message = inner.Message,
            TraceText = inner.TraceText,
            InnerFault = inner.InnerFault,
            ErrorDetails = inner.ErrorDetails,
            Timestamp = inner.Timestamp,
            ActivityId = inner.ActivityId,
            HelpLink = inner.HelpLink,
        };
        return exception is null ? new DataverseFaultException(fault) : new DataverseFaultException(fault, exception);
    }
}
