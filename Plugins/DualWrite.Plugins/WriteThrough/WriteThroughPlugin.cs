using System;
using System.Net.Http;
using System.Threading;
using DualWrite.Core.Pausing;
using DualWrite.Plugins.Auth;
using DualWrite.Plugins.Base;
using DualWrite.Plugins.Configuration;
using DualWrite.Plugins.FinOps;
using DualWrite.Plugins.Pausing;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Plugins.WriteThrough;

/// <summary>
/// Writes Dataverse saves through to F&amp;O inside the transaction. One type serves every map: register it
/// on Create, Update and Delete of each paired table, synchronous PostOperation (stage 40), with the map
/// in the unsecure configuration and the Entra app in the secure one. If F&amp;O does not take the write, the
/// save fails with a message naming the record, the F&amp;O entity and F&amp;O's reason, and Dataverse rolls back.
/// </summary>
public sealed class WriteThroughPlugin : PluginBase
{
    private readonly StepConfiguration _configuration;
    private readonly WriteThroughPlanner? _planner;

    /// <summary>The platform's constructor: the step's unsecure and secure configuration.</summary>
    public WriteThroughPlugin(string unsecureConfiguration, string secureConfiguration)
    {
        // Problems are kept and reported on the first save: a constructor exception would hide them.
        _configuration = StepConfiguration.Parse(unsecureConfiguration, secureConfiguration);
        _planner = _configuration.Settings is { } settings ? new WriteThroughPlanner(settings) : null;
    }

    protected override void ExecuteCore(LocalPluginContext context)
    {
        if (!_configuration.IsValid || _planner is null)
        {
            throw new InvalidPluginExecutionException(
                "DualWrite's step on " + context.ExecutionContext.MessageName + " of " + context.ExecutionContext.PrimaryEntityName
                + " is misconfigured: " + string.Join("; ", _configuration.Problems) + ".");
        }

        var settings = _configuration.Settings!;
        var plan = _planner.Plan(context.ExecutionContext, context.UserService, line => context.Trace("{0}", line));
        switch (plan.Kind)
        {
            case WriteThroughPlanKind.Skip:
                context.Trace("Skipped: {0}.", plan.Reason!);
                return;
            case WriteThroughPlanKind.Fail:
                throw new InvalidPluginExecutionException(plan.Reason!);
        }

        // Read only now: skips and failures above cost no query. The row is read as SYSTEM, as the ledger is written.
        var operationCreatedOn = ToUtc(context.ExecutionContext.OperationCreatedOn);
        var mapState = MapStateReader.Read(context.SystemService, settings.Map.Name);
        switch (SaveRouting.Decide(mapState?.State, mapState?.HasQueuedChanges ?? false, settings.OnPaused))
        {
            case SaveRoute.Skip:
                context.Trace("Skipped: map '{0}' is stopped, so nothing is sent to F&O.", settings.Map.Name);
                return;
            case SaveRoute.Refuse:
                throw new InvalidPluginExecutionException(PausedMessages.Refused(settings.Map.Name, mapState!.Reason, plan), PluginHttpStatusCode.ServiceUnavailable);
            case SaveRoute.Queue:
                QueuedChanges.Queue(context.SystemService, settings.Map.Name, mapState, plan, operationCreatedOn);
                context.Trace("Queued for F&O (map '{0}' is {1}): {2}", settings.Map.Name, mapState!.State ?? "running", plan.Request!);
                return;
        }

        // The ledger row goes first, in this transaction: it commits with the save or not at all, and the listener
        // reverts in F&O any write-through whose row never commits (a later step, record or workflow failed).
        var ledgerRow = WriteThroughLedger.Record(context.SystemService, settings.Map.Name, plan);
        context.Trace("Writing {0} to F&O: {1}", plan.RecordText!, plan.Request!);
        var budget = new RequestBudget(context.Stopwatch, settings.CallTimeout, settings.Budget);
        // One client per save, no keep-alive: the platform's guidance for sandboxed plug-ins (learn.microsoft.com,
        // "Set Timeout when making external calls in a plug-in"). Timeouts come from the budget, per call.
#if NET
        using var http = new HttpClient(new SynchronousHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };
#else
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
#endif
        http.DefaultRequestHeaders.ConnectionClose = true;
        var tokens = new FinOpsTokenProvider(http, _configuration.Credentials!);
        var client = new FinOpsWriteClient(http, settings.DataRoot, tokens, line => context.Trace("{0}", line));
        var result = client.Send(plan.Request!, operationCreatedOn, budget);
        if (!result.Succeeded && !(plan.Request!.Method == "DELETE" && result.StatusCode == 404))
        {
            throw new InvalidPluginExecutionException(FailureMessages.Describe(result, plan), ToHttpStatus(result));
        }

        if (result.StatusCode == 404)
        {
            // Nothing changed in F&O, so no event will come to match the row.
            context.SystemService.Delete(Core.Ledger.WriteThroughLedgerTable.LogicalName, ledgerRow);
            context.Trace("F&O had no such record: nothing to delete.");
            return;
        }

        context.Trace("F&O took the write.");
    }

    private static DateTime ToUtc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static PluginHttpStatusCode ToHttpStatus(FinOpsCallResult result) => result.Outcome switch
    {
        FinOpsOutcome.Rejected => PluginHttpStatusCode.BadRequest,
        FinOpsOutcome.Throttled => PluginHttpStatusCode.TooManyRequests,
        FinOpsOutcome.TimedOut => PluginHttpStatusCode.GatewayTimeout,
        FinOpsOutcome.Unreachable => PluginHttpStatusCode.BadGateway,
        FinOpsOutcome.NotSignedIn => PluginHttpStatusCode.BadGateway,
        _ => PluginHttpStatusCode.BadGateway,
    };
}
