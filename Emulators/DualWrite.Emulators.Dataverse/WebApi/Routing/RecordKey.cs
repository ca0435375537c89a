using System;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.WebApi.Routing;

/// <summary>A record named in a URL: by primary key or by the parts of an alternate key (column name to value).</summary>
public sealed class RecordKey
{
    public RecordKey(Guid id)
    {
        Id = id;
    }

    public RecordKey(KeyAttributeCollection keyAttributes)
    {
        KeyAttributes = keyAttributes;
    }

    public Guid Id { get; }

    public KeyAttributeCollection? KeyAttributes { get; }

    public EntityReference ToReference(string table)
        => KeyAttributes is null ? new EntityReference(table, Id) : new EntityReference(table, KeyAttributes);

    public Entity ToEntity(string table)
        => KeyAttributes is null ? new Entity(table, Id) : new Entity(table, KeyAttributes);
}
