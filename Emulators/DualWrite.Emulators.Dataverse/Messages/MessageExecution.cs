using System;
using System.Collections.Immutable;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Store;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Messages;

/// <summary>One message going through the pipeline: its parameters, where it reads and writes, and who called.</summary>
internal sealed class MessageExecution : IStateAccess
{
    public MessageExecution(InMemoryDataverse engine, OrganizationRequest request, ParameterCollection inputParameters, ExecutionCaller caller)
    {
        Engine = engine;
        Request = request;
        InputParameters = inputParameters;
        Caller = caller;
    }

    public InMemoryDataverse Engine { get; }

    public OrganizationRequest Request { get; }

    public ParameterCollection InputParameters { get; }

    public ParameterCollection OutputParameters { get; } = new();

    public ExecutionCaller Caller { get; }

    public ActiveTransaction? Transaction { get; set; }

    public string PrimaryEntityName { get; set; } = string.Empty;

    public Guid PrimaryEntityId { get; set; }

    /// <summary>The state <see cref="IMessageHandler.Prepare"/> resolved the record in; while it is still the current state, that answer holds.</summary>
    public StoreState? ResolvedState { get; set; }

    public string? Tag { get; init; }

    public bool Bypass { get; init; }

    /// <summary>The context of the main operation: parent of inner messages (Upsert's Create, CreateMultiple's Creates).</summary>
    public PluginExecutionContext? MainContext { get; set; }

    public RecordOperations Records => Engine.Records;

    public MetadataRegistry Metadata => Engine.Metadata;

    public StoreState State => Transaction?.Store.Working ?? Engine.Store.Committed;

    public void LockRow(TableMetadata table, Guid id) => WriteTransaction().Store.LockRow(table, id);

    public void Put(TableMetadata table, Guid id, ImmutableDictionary<string, object?> values) => WriteTransaction().Store.Put(table, id, values);

    public void Remove(TableMetadata table, Guid id) => WriteTransaction().Store.Remove(table, id);

    private ActiveTransaction WriteTransaction()
        => Transaction ?? throw new InvalidOperationException("A write outside a transaction; the message must be marked as a write.");

    /// <summary>A required input parameter of the given type, or the fault naming it.</summary>
    public T Input<T>(string name)
        where T : class
    {
        return InputParameters.TryGetValue(name, out var value) && value is T typed
            ? typed
            : throw DataverseFaultException.Create(ErrorCodes.InvalidArgument, $"Required field '{name}' is missing from the {Request.RequestName} request.");
    }

    /// <summary>Runs an inner message of this one (same depth, same transaction, this message as parent).</summary>
    public OrganizationResponse ExecuteInner(OrganizationRequest request)
        => Engine.Execute(request, Caller with
        {
            ParentContext = MainContext,
            Transaction = Transaction,
            InheritedTag = Tag,
            InheritedBypass = Bypass,
        });
}
