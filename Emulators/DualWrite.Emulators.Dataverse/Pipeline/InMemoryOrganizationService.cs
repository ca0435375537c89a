using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>
/// IOrganizationService over the engine. Every method becomes an OrganizationRequest and goes through
/// <see cref="InMemoryDataverse.Execute(OrganizationRequest)"/>'s single pipeline.
/// </summary>
internal sealed class InMemoryOrganizationService : IOrganizationService
{
    private readonly InMemoryDataverse _engine;
    private readonly Func<ExecutionCaller> _caller;

    public InMemoryOrganizationService(InMemoryDataverse engine, Func<ExecutionCaller> caller)
    {
        _engine = engine;
        _caller = caller;
    }

    public Guid Create(Entity entity) => ((CreateResponse)Execute(new CreateRequest { Target = entity })).id;

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
        => ((RetrieveResponse)Execute(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet })).Entity;

    public void Update(Entity entity) => Execute(new UpdateRequest { Target = entity });

    public void Delete(string entityName, Guid id) => Execute(new DeleteRequest { Target = new EntityReference(entityName, id) });

    public OrganizationResponse Execute(OrganizationRequest request) => _engine.Execute(request, _caller());

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        => Execute(new AssociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        => Execute(new DisassociateRequest { Target = new EntityReference(entityName, entityId), Relationship = relationship, RelatedEntities = relatedEntities });

    public EntityCollection RetrieveMultiple(QueryBase query)
        => ((RetrieveMultipleResponse)Execute(new RetrieveMultipleRequest { Query = query })).EntityCollection;
}
