using System;
using System.Collections.Generic;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Messages;
using DualWrite.Emulators.Dataverse.Store;
using DualWrite.Emulators.Dataverse.SystemJobs;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>
/// Runs one message through the event pipeline: PreValidation (outside the transaction at top level),
/// then PreOperation, the main operation and synchronous PostOperation inside one transaction, then, after the
/// outermost commit, the asynchronous steps.
/// </summary>
internal sealed class PipelineRunner
{
    /// <summary>The platform's loop guard: a request deeper than this is aborted.</summary>
    public const int MaxDepth = 8;

    private const string TagParameter = "tag";
    private const string BypassParameter = "BypassCustomPluginExecution";

    private readonly InMemoryDataverse _engine;

    public PipelineRunner(InMemoryDataverse engine)
    {
        _engine = engine;
    }

    public OrganizationResponse Run(IMessageHandler handler, OrganizationRequest request, ExecutionCaller caller)
    {
        if (caller.Depth > MaxDepth)
        {
            throw DataverseFaultException.Create(
                ErrorCodes.InfiniteLoopDetected,
                $"This {request.RequestName} request was aborted: it would run at depth {caller.Depth}, past the maximum of {MaxDepth}. A plug-in is probably triggering itself in a loop.");
        }

        var inputs = CopyInputs(request);
        var tag = request.Parameters.TryGetValue(TagParameter, out var t) && t is string s ? s : caller.InheritedTag;
        var bypass = (request.Parameters.TryGetValue(BypassParameter, out var b) && b is true) || caller.InheritedBypass;
        var execution = new MessageExecution(_engine, request, inputs, caller) { Tag = tag, Bypass = bypass, Transaction = caller.Transaction };
        handler.Prepare(execution);
        var table = execution.PrimaryEntityName;
        var steps = _engine.Steps;

        var preValidation = NewContext(execution, caller, PipelineStage.PreValidation, tag);
        preValidation.ParentContext = caller.ParentContext!;
        if (!bypass)
        {
            foreach (var step in steps.Find(handler.MessageName, table, PipelineStage.PreValidation, StepMode.Synchronous))
            {
                RunSync(step, preValidation, execution, caller.Transaction, Find(execution), null);
            }
        }

        var joins = caller.Transaction is not null;
        var transaction = caller.Transaction ?? (handler.IsWrite ? new ActiveTransaction(_engine.Store.Begin()) : null);
        var savepoint = transaction?.Store.Save();
        var queuedBefore = transaction?.AsyncSteps.Count ?? 0;
        var asyncSteps = transaction?.AsyncSteps ?? [];
        execution.Transaction = transaction;
        try
        {
            var main = NewContext(execution, caller, PipelineStage.PreOperation, tag);
            main.ParentContext = preValidation;
            main.IsInTransaction = transaction is not null;
            if (handler.IsWrite && transaction is not null && execution.PrimaryEntityId != Guid.Empty && !string.IsNullOrEmpty(table))
            {
                // Lock the record before its pre-image is read: a writer that waited sees the holder's committed
                // values, and steps never work from a record another transaction is changing.
                transaction.Store.LockRow(_engine.Metadata.Table(table), execution.PrimaryEntityId);
            }

            var before = Find(execution);
            if (!bypass)
            {
                foreach (var step in steps.Find(handler.MessageName, table, PipelineStage.PreOperation, StepMode.Synchronous))
                {
                    RunSync(step, main, execution, transaction, before, null);
                }
            }

            var operation = main.CloneForStep();
            operation.Stage = (int)PipelineStage.MainOperation;
            execution.MainContext = operation;
            handler.Execute(execution);

            main.Stage = (int)PipelineStage.PostOperation;
            main.PrimaryEntityId = execution.PrimaryEntityId;
            main.OutputParameters = execution.OutputParameters;
            var after = Find(execution);
            if (!bypass)
            {
                foreach (var step in steps.Find(handler.MessageName, table, PipelineStage.PostOperation, StepMode.Synchronous))
                {
                    RunSync(step, main, execution, transaction, before, after);
                }

                foreach (var step in steps.Find(handler.MessageName, table, PipelineStage.PostOperation, StepMode.Asynchronous))
                {
                    if (PassesFilter(step, execution))
                    {
                        asyncSteps.Add(new PendingAsyncStep(step, AsyncContext(main, step, table, before, after)));
                    }
                }
            }

            if (!joins && transaction is not null)
            {
                InMemoryDataverse.ThrowIfDoomed(transaction);
                transaction.Store.Commit();
            }
        }
        catch
        {
            if (joins)
            {
                // A failed nested request undoes its own writes and drops its queued asynchronous steps; the
                // engine also marks the transaction lost, so carrying on after catching the error fails too.
                transaction!.Store.RollbackTo(savepoint!);
                transaction.AsyncSteps.RemoveRange(queuedBefore, transaction.AsyncSteps.Count - queuedBefore);
            }

            throw;
        }
        finally
        {
            if (!joins)
            {
                transaction?.Store.Dispose();
            }
        }

        if (!joins)
        {
            RunAsyncSteps(asyncSteps);
        }

        return handler.CreateResponse(execution);
    }

    private static StoredRecord? Find(MessageExecution execution)
        => execution.PrimaryEntityId == Guid.Empty || string.IsNullOrEmpty(execution.PrimaryEntityName)
            ? null
            : execution.State.Find(execution.PrimaryEntityName, execution.PrimaryEntityId);

    private void RunSync(StepRegistration step, PluginExecutionContext shared, MessageExecution execution, ActiveTransaction? transaction, StoredRecord? before, StoredRecord? after)
    {
        if (!PassesFilter(step, execution))
        {
            return;
        }

        var context = shared.CloneForStep();
        context.OwningExtension = OwningExtension(step);
        if (step.ImpersonatingUserId is Guid user)
        {
            context.UserId = user;
        }

        ImageBuilder.Fill(context, step, execution.PrimaryEntityName, before, after);
        StepInvoker.Invoke(_engine, step, context, transaction);
    }

    private static EntityReference OwningExtension(StepRegistration step)
        => new("sdkmessageprocessingstep", step.Id) { Name = step.DisplayName };

    /// <summary>Filtering attributes: an Update step runs only when the Target carries one of them.</summary>
    private static bool PassesFilter(StepRegistration step, MessageExecution execution)
    {
        if (step.FilteringAttributes.Count == 0)
        {
            return true;
        }

        if (!execution.InputParameters.TryGetValue("Target", out var value) || value is not Entity target)
        {
            return true;
        }

        foreach (var attribute in step.FilteringAttributes)
        {
            if (target.Attributes.ContainsKey(attribute))
            {
                return true;
            }
        }

        return false;
    }

    private PluginExecutionContext NewContext(MessageExecution execution, ExecutionCaller caller, PipelineStage stage, string? tag)
    {
        var shared = new ParameterCollection();
        if (tag is not null)
        {
            shared[TagParameter] = tag;
        }

        return new PluginExecutionContext
        {
            Mode = (int)StepMode.Synchronous,
            Stage = (int)stage,
            Depth = caller.Depth,
            MessageName = execution.Request.RequestName,
            PrimaryEntityName = execution.PrimaryEntityName,
            PrimaryEntityId = execution.PrimaryEntityId,
            RequestId = execution.Request.RequestId,
            InputParameters = execution.InputParameters,
            OutputParameters = new ParameterCollection(),
            SharedVariables = shared,
            UserId = caller.UserId,
            InitiatingUserId = caller.InitiatingUserId,
            AuthenticatedUserId = caller.InitiatingUserId,
            BusinessUnitId = _engine.BusinessUnitId,
            OrganizationId = _engine.OrganizationId,
            OrganizationName = _engine.OrganizationName,
            CorrelationId = caller.CorrelationId,
            OperationId = Guid.NewGuid(),
            OperationCreatedOn = _engine.Time.GetUtcNow().UtcDateTime,
            IsInTransaction = caller.Transaction is not null,
        };
    }

    /// <summary>An asynchronous step sees the operation as it was when it ran, not as later requests leave it.</summary>
    private static PluginExecutionContext AsyncContext(PluginExecutionContext main, StepRegistration step, string table, StoredRecord? before, StoredRecord? after)
    {
        var context = main.CloneForStep();
        context.OwningExtension = OwningExtension(step);
        context.Mode = (int)StepMode.Asynchronous;
        context.IsInTransaction = false;
        context.InputParameters = CopyParameters(main.InputParameters);
        context.OutputParameters = CopyParameters(main.OutputParameters);
        context.SharedVariables = CopyParameters(main.SharedVariables);
        if (step.ImpersonatingUserId is Guid user)
        {
            context.UserId = user;
        }

        ImageBuilder.Fill(context, step, table, before, after);
        return context;
    }

    internal void RunAsyncSteps(List<PendingAsyncStep> pending)
    {
        foreach (var (step, context) in pending)
        {
            SystemJobStatus status;
            string? message = null;
            try
            {
                StepInvoker.Invoke(_engine, step, context, transactionForNestedRequests: null);
                status = SystemJobStatus.Succeeded;
            }
#pragma warning disable CA1031 // An asynchronous step's failure is recorded on its system job and must not undo the committed operation.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                status = SystemJobStatus.Failed;
                message = ex.Message;
            }

            _engine.JobLog.Add(new SystemJob(
                Guid.NewGuid(), step.DisplayName, context.MessageName, context.PrimaryEntityName, context.PrimaryEntityId,
                context.CorrelationId, status, message, _engine.Time.GetUtcNow()));
        }
    }

    /// <summary>The platform serializes a request, so plug-ins never change the caller's objects.</summary>
    private static ParameterCollection CopyInputs(OrganizationRequest request)
    {
        var inputs = new ParameterCollection();
        foreach (var pair in request.Parameters)
        {
            if (pair.Key is TagParameter or BypassParameter)
            {
                continue; // optional parameters steer the pipeline; they are not message inputs
            }

            inputs[pair.Key] = ValueCopier.Copy(pair.Value);
        }

        return inputs;
    }

    private static ParameterCollection CopyParameters(ParameterCollection source)
    {
        var copy = new ParameterCollection();
        foreach (var pair in source)
        {
            copy[pair.Key] = ValueCopier.Copy(pair.Value);
        }

        return copy;
    }
}
