using System;

namespace Microsoft.Xrm.Sdk.Client;

/// <summary>Marks an early-bound class with the table it represents; <see cref="Entity.ToEntity{T}"/>
/// requires it.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EntityLogicalNameAttribute : Attribute
{
    /// <summary>Marks a class as the given table.</summary>
    public EntityLogicalNameAttribute(string logicalName)
    {
        if (string.IsNullOrWhiteSpace(logicalName))
        {
            throw new ArgumentNullException(nameof(logicalName));
        }

        LogicalName = logicalName;
    }

    /// <summary>The table's logical name.</summary>
    public string LogicalName { get; }
}
