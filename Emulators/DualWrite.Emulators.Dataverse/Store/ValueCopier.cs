using System;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>
/// Deep copies of attribute values. EntityReference, Money, OptionSetValue and collections are mutable, so the
/// store never shares an instance with a caller in either direction.
/// </summary>
internal static class ValueCopier
{
    public static object? Copy(object? value) => value switch
    {
        null => null,
        EntityReference r => CopyReference(r),
        Money m => new Money(m.Value),
        OptionSetValue o => new OptionSetValue(o.Value),
        OptionSetValueCollection c => new OptionSetValueCollection(c.Select(o => new OptionSetValue(o.Value)).ToList()),
        EntityCollection c => CopyCollection(c),
        Entity e => CopyEntity(e),
        byte[] bytes => (byte[])bytes.Clone(),
        _ => value,
    };

    public static EntityReference CopyReference(EntityReference source)
    {
        var copy = new EntityReference(source.LogicalName, source.Id) { Name = source.Name, RowVersion = source.RowVersion };
        foreach (var pair in source.KeyAttributes)
        {
            copy.KeyAttributes[pair.Key] = Copy(pair.Value);
        }

        return copy;
    }

    public static Entity CopyEntity(Entity source)
    {
        var copy = new Entity(source.LogicalName, source.Id) { RowVersion = source.RowVersion, EntityState = source.EntityState };
        foreach (var pair in source.Attributes)
        {
            copy.Attributes[pair.Key] = Copy(pair.Value);
        }

        foreach (var pair in source.KeyAttributes)
        {
            copy.KeyAttributes[pair.Key] = Copy(pair.Value);
        }

        foreach (var pair in source.FormattedValues)
        {
            copy.FormattedValues[pair.Key] = pair.Value;
        }

        return copy;
    }

    private static EntityCollection CopyCollection(EntityCollection source)
    {
        var copy = new EntityCollection(source.Entities.Select(CopyEntity).ToList())
        {
            EntityName = source.EntityName,
            MoreRecords = source.MoreRecords,
            PagingCookie = source.PagingCookie,
            TotalRecordCount = source.TotalRecordCount,
            TotalRecordCountLimitExceeded = source.TotalRecordCountLimitExceeded,
            MinActiveRowVersion = source.MinActiveRowVersion,
        };
        return copy;
    }
}
