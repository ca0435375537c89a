using System;
using System.Collections.Generic;
using DualWrite.Emulators.FinOps.Events;
using DualWrite.Emulators.FinOps.OData.Batch;
using DualWrite.Emulators.FinOps.OData.Handlers;
using DualWrite.Emulators.FinOps.OData.Routing;
using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Emulators.FinOps.Store;
using DualWrite.Emulators.FinOps.Validation;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>
/// Runs OData requests against the store: the <see cref="ODataRouter"/> names what a request addresses, and one
/// handler per operation answers it (service document, $metadata, collection query, $count, read by key,
/// create, update, delete, $batch). Single writes run in their own transaction and publish their business
/// events after commit; $batch changesets pass a shared transaction instead.
/// </summary>
public sealed class ODataService
{
    /// <summary>F&amp;O's server page size: at most 10,000 rows a page.</summary>
    public const int MaxPageSize = PageSizePreference.MaxPageSize;

    private readonly FinOpsStore _store;
    private readonly IChangePublisher _publisher;
    private readonly ODataRouter _router;
    private readonly ServiceDocumentHandler _serviceDocument;
    private readonly MetadataHandler _metadata;
    private readonly CollectionQueryHandler _query;
    private readonly CountHandler _count;
    private readonly ReadByKeyHandler _readByKey;
    private readonly CreateHandler _create;
    private readonly UpdateHandler _update;
    private readonly DeleteHandler _delete;
    private readonly FinOpsBatchProcessor _batch;

    public ODataService(FinOpsStore store, WriteValidator validator, IChangePublisher publisher, bool keyAccessNeedsCrossCompany = true)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        ArgumentNullException.ThrowIfNull(validator);
        _publisher = publisher ?? throw new ArgumentNullException(nameof(publisher));
        var scope = new CompanyScope(keyAccessNeedsCrossCompany);
        _router = new ODataRouter(store.Schema);
        _serviceDocument = new ServiceDocumentHandler(store.Schema);
        _metadata = new MetadataHandler(store.Schema);
        _query = new CollectionQueryHandler(store);
        _count = new CountHandler(store);
        _readByKey = new ReadByKeyHandler(store, scope);
        _create = new CreateHandler(store, validator);
        _update = new UpdateHandler(validator, scope);
        _delete = new DeleteHandler(scope);
        _batch = new FinOpsBatchProcessor(store, this, publisher);
    }

    public FinOpsSchema Schema => _store.Schema;

    /// <summary>A request of its own (from HTTP): <c>POST $batch</c> runs the batch, anything else one operation.</summary>
    public ODataResponse Execute(ODataRequest request) => Execute(request, batchAllowed: true);

    /// <summary>One operation (a part of a $batch outside a changeset); a write commits (and publishes its events) or leaves no trace.</summary>
    public ODataResponse ExecuteOperation(ODataRequest request) => Execute(request, batchAllowed: false);

    /// <summary>A write inside a caller's transaction (a $batch changeset); nothing is published here.</summary>
    public ODataResponse ExecuteWrite(ODataRequest request, FinOpsStoreTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(transaction);
        return _router.TryRoute(request, batchAllowed: false, out var route, out var error)
            ? Write(request, route!, transaction)
            : error!;
    }

    private ODataResponse Execute(ODataRequest request, bool batchAllowed)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_router.TryRoute(request, batchAllowed, out var route, out var error))
        {
            return error!;
        }

        if (route!.Kind == ODataRouteKind.Batch)
        {
            return _batch.Execute(request, request.Header("Content-Type"));
        }

        if (!request.IsWrite)
        {
            return Read(request, route);
        }

        IReadOnlyList<StoreChange> changes;
        ODataResponse response;
        using (var transaction = _store.BeginWrite())
        {
            response = Write(request, route, transaction);
            if (!response.IsSuccess)
            {
                return response;
            }

            changes = transaction.Commit();
        }

        _publisher.Publish(changes, request.InitiatingUser);
        return response;
    }

    private ODataResponse Read(ODataRequest request, ODataRoute route) => route.Kind switch
    {
        ODataRouteKind.ServiceDocument => _serviceDocument.Handle(request),
        ODataRouteKind.Metadata => _metadata.Handle(),
        ODataRouteKind.Entity => _readByKey.Handle(request, route),
        ODataRouteKind.Count => _count.Handle(request, route),
        ODataRouteKind.Collection => _query.Handle(request, route),
        _ => ODataRefusals.MethodNotAllowed(request),
    };

    private ODataResponse Write(ODataRequest request, ODataRoute route, FinOpsStoreTransaction transaction) => (request.Method, route.Kind) switch
    {
        ("POST", ODataRouteKind.Collection) => _create.Handle(request, route.Set!, transaction),
        ("PATCH" or "MERGE", ODataRouteKind.Entity) => _update.Handle(request, route, transaction, replace: false),
        ("PUT", ODataRouteKind.Entity) => _update.Handle(request, route, transaction, replace: true),
        ("DELETE", ODataRouteKind.Entity) => _delete.Handle(request, route, transaction),
        _ => ODataRefusals.MethodNotAllowed(request),
    };
}
