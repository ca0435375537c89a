using System;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>
/// The IOrganizationServiceFactory a plug-in gets: its services issue requests one level deeper, with the
/// plug-in's context as parent, inside its transaction when the step is synchronous.
/// </summary>
internal sealed class PluginOrganizationServiceFactory : IOrganizationServiceFactory
{
    private readonly InMemoryDataverse _engine;
    private readonly PluginExecutionContext _context;
    private readonly ActiveTransaction? _transaction;

    public PluginOrganizationServiceFactory(InMemoryDataverse engine, PluginExecutionContext context, ActiveTransaction? transaction)
    {
        _engine = engine;
        _context = context;
        _transaction = transaction;
    }

    public IOrganizationService CreateOrganizationService(Guid? userId)
        => new InMemoryOrganizationService(_engine, () => new ExecutionCaller
        {
            UserId = userId ?? _context.UserId,
            InitiatingUserId = _context.InitiatingUserId,
            Depth = _context.Depth + 1,
            CorrelationId = _context.CorrelationId,
            ParentContext = _context,
            Transaction = _transaction,
        });
}
