using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Plugins.Benchmarks;

/// <summary>
/// Answers the planner's lookup queries from records captured once from the in-memory Dataverse, so a
/// measurement shows the plug-in's own CPU cost without the emulator's query engine.
/// </summary>
internal sealed class CannedLookupService(IOrganizationService source) : IOrganizationService
{
    private readonly Dictionary<string, EntityCollection> _answers = new(StringComparer.Ordinal);

    public EntityCollection RetrieveMultiple(QueryBase query)
    {
        var expression = (QueryExpression)query;
        var key = expression.EntityName + "|" + string.Join(",", expression.Criteria.Conditions.SelectMany(c => c.Values));
        if (!_answers.TryGetValue(key, out var answer))
        {
            answer = source.RetrieveMultiple(query);
            _answers[key] = answer;
        }

        return answer;
    }

    public Guid Create(Entity entity) => throw new NotSupportedException();

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => throw new NotSupportedException();

    public void Update(Entity entity) => throw new NotSupportedException();

    public void Delete(string entityName, Guid id) => throw new NotSupportedException();

    public OrganizationResponse Execute(OrganizationRequest request) => throw new NotSupportedException();

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw new NotSupportedException();
}
