using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Messages;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Store;
using DualWrite.Emulators.Dataverse.SystemJobs;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse;

/// <summary>
/// An in-memory Dataverse: tables with metadata, a transactional record store and the plug-in event pipeline.
/// Build one with <see cref="Builder.InMemoryDataverseBuilder"/>, then use <see cref="Service"/> (or
/// <see cref="CreateOrganizationService"/>) as IOrganizationService. Thread-safe: write transactions lock the
/// records they write (others run meanwhile); reads see committed data only.
/// </summary>
public sealed class InMemoryDataverse : IDisposable
{
    private readonly Dictionary<string, IMessageHandler> _handlers;
    private readonly Dictionary<string, IDirectMessageHandler> _directHandlers;
    private readonly PipelineRunner _pipeline;

    internal InMemoryDataverse(MetadataRegistry metadata, StepRegistry steps, TimeProvider time, Guid defaultUserId)
    {
        Metadata = metadata;
        Steps = steps;
        Time = time;
        DefaultUserId = defaultUserId;
        Records = new RecordOperations(metadata, time);
        Store = new RecordStore(StoreState.Empty);
        _pipeline = new PipelineRunner(this);
        IMessageHandler[] handlers =
        [
            new CreateHandler(), new UpdateHandler(), new DeleteHandler(), new UpsertHandler(),
            new RetrieveHandler(), new RetrieveMultipleHandler(),
            new AssociationHandler(associate: true), new AssociationHandler(associate: false),
            new MultipleHandler("Create"), new MultipleHandler("Update"), new MultipleHandler("Upsert"),
        ];
        _handlers = handlers.ToDictionary(h => h.MessageName, StringComparer.Ordinal);
        _directHandlers = new Dictionary<string, IDirectMessageHandler>(StringComparer.Ordinal)
        {
            ["ExecuteMultiple"] = new ExecuteMultipleHandler(),
            ["ExecuteTransaction"] = new ExecuteTransactionHandler(),
        };
    }

    public MetadataRegistry Metadata { get; }

    /// <summary>The user top-level requests run as unless a service is created for another user.</summary>
    public Guid DefaultUserId { get; }

    public Guid OrganizationId { get; } = Guid.NewGuid();

    public Guid BusinessUnitId { get; } = Guid.NewGuid();

    public string OrganizationName { get; init; } = "inmemory";

    /// <summary>A service for <see cref="DefaultUserId"/>.</summary>
    public IOrganizationService Service => CreateOrganizationService(null);

    /// <summary>Creates services per user id (null: the default user), like IOrganizationServiceFactory.</summary>
    public IOrganizationServiceFactory ServiceFactory => new TopLevelServiceFactory(this);

    /// <summary>Every line plug-ins traced, in order.</summary>
    public IReadOnlyList<TraceEntry> Traces => TraceLog.Snapshot();

    /// <summary>Asynchronous step executions, succeeded and failed.</summary>
    public IReadOnlyList<SystemJob> SystemJobs => JobLog.Snapshot();

    internal RecordStore Store { get; }

    internal RecordOperations Records { get; }

    internal StepRegistry Steps { get; }

    internal TimeProvider Time { get; }

    internal TraceLog TraceLog { get; } = new();

    internal SystemJobLog JobLog { get; } = new();

    public IOrganizationService CreateOrganizationService(Guid? userId)
        => new InMemoryOrganizationService(this, () => TopLevelCaller(userId));

    /// <summary>
    /// Starts one transaction that several top-level requests join, committed together or not at all (what a
    /// Web API $batch changeset and ExecuteTransaction do). Holds the locks of the records it writes until committed or disposed.
    /// </summary>
    public EngineTransaction BeginTransaction(Guid? userId = null)
        => new(this, new ActiveTransaction(Store.Begin()), TopLevelCaller(userId));

    internal ExecutionCaller TopLevelCaller(Guid? userId)
    {
        var user = userId ?? DefaultUserId;
        return new ExecutionCaller
        {
            UserId = user,
            InitiatingUserId = user,
            Depth = 1,
            CorrelationId = Guid.NewGuid(),
        };
    }

    internal void RunAsyncSteps(List<PendingAsyncStep> pending) => _pipeline.RunAsyncSteps(pending);

    /// <summary>A copy of every committed record, for before/after comparisons.</summary>
    public StoreSnapshot Snapshot()
    {
        var state = Store.Committed;
        var tables = new Dictionary<string, IReadOnlyList<Entity>>(StringComparer.Ordinal);
        foreach (var table in Metadata.Tables)
        {
            tables[table.LogicalName] = state.Records(table.LogicalName)
                .OrderBy(r => r.Sequence)
                .Select(r => RecordOperations.ToEntity(table, r, new Microsoft.Xrm.Sdk.Query.ColumnSet(true)))
                .ToList();
        }

        return new StoreSnapshot(tables);
    }

    public void ClearTraces() => TraceLog.Clear();

    public void Dispose() => Store.Dispose();

    /// <summary>The one entry point every request passes through, top level or from plug-in code.</summary>
    internal OrganizationResponse Execute(OrganizationRequest request, ExecutionCaller caller)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (caller.Transaction is not { } transaction)
        {
            return Dispatch(request, caller);
        }

        ThrowIfDoomed(transaction);
        try
        {
            return Dispatch(request, caller);
        }
        catch (Exception ex)
        {
            transaction.Doom($"{request.RequestName} failed: {ex.Message}");
            throw;
        }
    }

    internal static void ThrowIfDoomed(ActiveTransaction transaction)
    {
        if (transaction.DoomedBy is { } reason)
        {
            throw DataverseFaultException.Create(
                ErrorCodes.NoActiveTransaction,
                $"There is no active transaction. This error is usually caused by custom plug-ins that ignore errors from service calls and continue processing. (Earlier failure: {reason})");
        }
    }

    private OrganizationResponse Dispatch(OrganizationRequest request, ExecutionCaller caller)
    {
        var name = request.RequestName ?? string.Empty;
        if (_directHandlers.TryGetValue(name, out var direct))
        {
            return direct.Execute(request, caller, this);
        }

        if (_handlers.TryGetValue(name, out var handler))
        {
            return _pipeline.Run(handler, request, caller);
        }

        throw DataverseFaultException.Create(
            ErrorCodes.Unspecified,
            $"The request '{(name.Length == 0 ? request.GetType().Name : name)}' is not supported by the in-memory Dataverse engine (supported: {string.Join(", ", _handlers.Keys.Concat(_directHandlers.Keys))}).");
    }

    /// <summary>Seeds a record without running plug-ins (used by the builder).</summary>
    internal void Seed(Entity record)
    {
        using var transaction = Store.BeginSeeding();
        var access = new SeedAccess(transaction);
        Records.Create(access, record, DefaultUserId);
        transaction.Commit();
    }

    /// <summary>Seeds many records in one transaction without running plug-ins; the records are consumed one at a time.</summary>
    internal int SeedMany(IEnumerable<Entity> records)
    {
        using var transaction = Store.BeginSeeding();
        var access = new SeedAccess(transaction);
        var count = 0;
        foreach (var record in records)
        {
            Records.Create(access, record, DefaultUserId);
            count++;
        }

        transaction.Commit();
        return count;
    }

    private sealed class SeedAccess(DataverseStoreTransaction transaction) : IStateAccess
    {
        public StoreState State => transaction.Working;

        public void LockRow(TableMetadata table, Guid id) => transaction.LockRow(table, id);

        public void Put(TableMetadata table, Guid id, ImmutableDictionary<string, object?> values) => transaction.Put(table, id, values);

        public void Remove(TableMetadata table, Guid id) => transaction.Remove(table, id);
    }

    private sealed class TopLevelServiceFactory(InMemoryDataverse engine) : IOrganizationServiceFactory
    {
        public IOrganizationService CreateOrganizationService(Guid? userId) => engine.CreateOrganizationService(userId);
    }
}
