using System;
using System.Collections.Generic;
using DualWrite.Emulators.Dataverse.Pipeline;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse;

/// <summary>
/// Several top-level requests in one transaction (see <see cref="InMemoryDataverse.BeginTransaction"/>): each runs
/// its full pipeline inside it; <see cref="Commit"/> publishes all their writes and then runs the queued
/// asynchronous steps; disposing without a commit drops every write. One thread at a time.
/// </summary>
public sealed class EngineTransaction : IDisposable
{
    private readonly InMemoryDataverse _engine;
    private readonly ActiveTransaction _transaction;
    private readonly ExecutionCaller _caller;
    private bool _finished;

    internal EngineTransaction(InMemoryDataverse engine, ActiveTransaction transaction, ExecutionCaller caller)
    {
        _engine = engine;
        _transaction = transaction;
        _caller = caller with { Transaction = transaction };
    }

    /// <summary>Runs one request inside the transaction; a failure dooms the transaction (commit then fails).</summary>
    public OrganizationResponse Execute(OrganizationRequest request)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        return _engine.Execute(request, _caller);
    }

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            InMemoryDataverse.ThrowIfDoomed(_transaction);
            _transaction.Store.Commit();
        }
        finally
        {
            Finish();
        }

        _engine.RunAsyncSteps(new List<PendingAsyncStep>(_transaction.AsyncSteps));
    }

    public void Dispose()
    {
        if (!_finished)
        {
            Finish();
        }
    }

    private void Finish()
    {
        _finished = true;
        _transaction.Store.Dispose();
    }
}
