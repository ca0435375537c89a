using System;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DualWrite.Emulators.Dataverse.Messages;

/// <summary>
/// Upsert: finds the record by Id or alternate key, then runs an inner Update or Create message (with their own
/// steps), as the platform does. A create copies the key values into the new record's columns.
/// </summary>
internal sealed class UpsertHandler : IMessageHandler
{
    public string MessageName => "Upsert";

    public bool IsWrite => true;

    public void Prepare(MessageExecution execution)
    {
        var target = execution.Input<Entity>("Target");
        var table = execution.Metadata.Table(target.LogicalName);
        execution.PrimaryEntityName = table.LogicalName;
        var id = execution.Records.ResolveId(execution.State, table, target.Id, target.KeyAttributes);
        execution.PrimaryEntityId = id != Guid.Empty && execution.State.Find(table.LogicalName, id) is not null ? id : Guid.Empty;
        execution.ResolvedState = execution.State;
    }

    public void Execute(MessageExecution execution)
    {
        var target = execution.Input<Entity>("Target");
        var table = execution.Metadata.Table(target.LogicalName);
        Guid id;
        bool exists;
        var lockedKey = LockKey(execution, table, target);
        if (!lockedKey && ReferenceEquals(execution.ResolvedState, execution.State) && execution.PrimaryEntityId != Guid.Empty)
        {
            // Nothing was written since Prepare found the record (PreOperation steps wrote nothing): no second lookup.
            id = execution.PrimaryEntityId;
            exists = true;
        }
        else
        {
            id = execution.Records.ResolveId(execution.State, table, target.Id, target.KeyAttributes);
            exists = id != Guid.Empty && execution.State.Find(table.LogicalName, id) is not null;
        }
        if (exists)
        {
            target.Id = id;
            execution.ExecuteInner(new UpdateRequest { Target = target });
        }
        else
        {
            var created = (CreateResponse)execution.ExecuteInner(new CreateRequest { Target = target });
            id = created.id;
        }

        execution.PrimaryEntityId = id;
        execution.OutputParameters["RecordCreated"] = !exists;
        execution.OutputParameters["Target"] = new EntityReference(table.LogicalName, id);
    }

    /// <summary>
    /// Locks the key value the target is named by, then the lookup is repeated: of two upserts of one new key, the
    /// second waits for the first and then updates the record it created instead of failing as a duplicate.
    /// </summary>
    private static bool LockKey(MessageExecution execution, TableMetadata table, Entity target)
    {
        if (target.Id != Guid.Empty || target.KeyAttributes.Count == 0 || execution.Transaction is not { } transaction
            || table.FindKeyByColumns(target.KeyAttributes.Keys) is not { } key)
        {
            return false;
        }

        transaction.Store.LockKey(table, key, KeyValueText.FromKeyAttributes(key, target.KeyAttributes));
        return true;
    }

    public OrganizationResponse CreateResponse(MessageExecution execution)
        => new UpsertResponse { ResponseName = MessageName, Results = execution.OutputParameters };
}
