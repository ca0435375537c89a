using System;
using System.Collections.Immutable;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DualWrite.Emulators.Dataverse.Messages;

/// <summary>
/// Associate and Disassociate. One-to-many sets or clears the child's lookup; many-to-many adds or removes rows of
/// the relationship's intersect table (whose alternate key over both ids rejects a duplicate pair).
/// </summary>
internal sealed class AssociationHandler : IMessageHandler
{
    private readonly bool _associate;

    public AssociationHandler(bool associate)
    {
        _associate = associate;
    }

    public string MessageName => _associate ? "Associate" : "Disassociate";

    public bool IsWrite => true;

    public void Prepare(MessageExecution execution)
    {
        var target = execution.Input<EntityReference>("Target");
        var table = execution.Metadata.Table(target.LogicalName);
        execution.Input<Relationship>("Relationship");
        execution.Input<EntityReferenceCollection>("RelatedEntities");
        execution.PrimaryEntityName = table.LogicalName;
        execution.PrimaryEntityId = execution.Records.RequireRecord(execution.State, table, target.Id, target.KeyAttributes).Id;
    }

    public void Execute(MessageExecution execution)
    {
        var target = execution.Input<EntityReference>("Target");
        var relationship = execution.Metadata.Relationship(execution.Input<Relationship>("Relationship").SchemaName);
        var targetTable = execution.Metadata.Table(target.LogicalName);
        var targetId = execution.Records.RequireRecord(execution.State, targetTable, target.Id, target.KeyAttributes).Id;
        foreach (var related in execution.Input<EntityReferenceCollection>("RelatedEntities"))
        {
            var relatedTable = execution.Metadata.Table(related.LogicalName);
            var relatedId = execution.Records.RequireRecord(execution.State, relatedTable, related.Id, related.KeyAttributes).Id;
            if (relationship.IsManyToMany)
            {
                ManyToMany(execution, relationship, targetTable.LogicalName, targetId, relatedTable.LogicalName, relatedId);
            }
            else
            {
                OneToMany(execution, relationship, targetTable.LogicalName, targetId, relatedTable.LogicalName, relatedId);
            }
        }
    }

    public OrganizationResponse CreateResponse(MessageExecution execution)
        => _associate
            ? new AssociateResponse { ResponseName = MessageName, Results = execution.OutputParameters }
            : new DisassociateResponse { ResponseName = MessageName, Results = execution.OutputParameters };

    private void OneToMany(MessageExecution execution, RelationshipMetadata relationship, string targetTable, Guid targetId, string relatedTable, Guid relatedId)
    {
        // Either side may be the Target: find the parent (referenced) and the child (referencing) record.
        (string parentTable, Guid parentId, string childTable, Guid childId) = string.Equals(targetTable, relationship.Table1, StringComparison.Ordinal)
            ? (targetTable, targetId, relatedTable, relatedId)
            : (relatedTable, relatedId, targetTable, targetId);
        if (!string.Equals(parentTable, relationship.Table1, StringComparison.Ordinal) || !string.Equals(childTable, relationship.Table2, StringComparison.Ordinal))
        {
            throw DataverseFaultException.Create(
                ErrorCodes.InvalidArgument,
                $"Relationship '{relationship.SchemaName}' joins {relationship.Table1} to {relationship.Table2}, not {targetTable} to {relatedTable}.");
        }

        var child = new Entity(childTable, childId);
        if (_associate)
        {
            child[relationship.Column] = new EntityReference(parentTable, parentId);
        }
        else
        {
            var current = execution.State.Find(childTable, childId)!.Values.TryGetValue(relationship.Column, out var value) ? value as EntityReference : null;
            if (current is null || current.Id != parentId)
            {
                return; // not associated: nothing to undo
            }

            child[relationship.Column] = null;
        }

        execution.Records.Update(execution, child, execution.Caller.UserId, ConcurrencyBehavior.Default);
    }

    private void ManyToMany(MessageExecution execution, RelationshipMetadata relationship, string targetTable, Guid targetId, string relatedTable, Guid relatedId)
    {
        var firstIsTarget = string.Equals(targetTable, relationship.Table1, StringComparison.Ordinal);
        if (!(firstIsTarget && string.Equals(relatedTable, relationship.Table2, StringComparison.Ordinal))
            && !(string.Equals(targetTable, relationship.Table2, StringComparison.Ordinal) && string.Equals(relatedTable, relationship.Table1, StringComparison.Ordinal)))
        {
            throw DataverseFaultException.Create(
                ErrorCodes.InvalidArgument,
                $"Relationship '{relationship.SchemaName}' joins {relationship.Table1} and {relationship.Table2}, not {targetTable} and {relatedTable}.");
        }

        var (firstId, secondId) = firstIsTarget ? (targetId, relatedId) : (relatedId, targetId);
        var intersect = execution.Metadata.Table(relationship.Column);
        var firstColumn = relationship.IntersectColumnFor(relationship.Table1, second: false);
        var secondColumn = relationship.IntersectColumnFor(relationship.Table2, second: true);
        if (_associate)
        {
            var row = new Entity(intersect.LogicalName);
            row[firstColumn] = firstId;
            row[secondColumn] = secondId;
            execution.Records.Create(execution, row, execution.Caller.UserId);
            return;
        }

        var key = intersect.AlternateKeys[0];
        var text = KeyValueText.FromValues(key, ImmutableDictionary<string, object?>.Empty.Add(firstColumn, firstId).Add(secondColumn, secondId));
        var rowId = text is null ? null : execution.State.FindByKey(intersect.LogicalName, key.LogicalName, text);
        if (rowId is Guid existing)
        {
            execution.Remove(intersect, existing);
        }
    }
}
