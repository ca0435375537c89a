using System;
using System.Collections.Generic;

namespace DualWrite.Emulators.FinOps.Schema;

/// <summary>One property of an entity type, as read from the CSDL.</summary>
public sealed class FieldSchema
{
    internal FieldSchema(
        string name,
        int index,
        FieldKind kind,
        bool isKey,
        bool isNullable,
        bool isComputed,
        int? maxLength,
        string? enumTypeName,
        IReadOnlyList<string> enumMembers)
    {
        Name = name;
        Index = index;
        Kind = kind;
        IsKey = isKey;
        IsNullable = isNullable;
        IsComputed = isComputed;
        MaxLength = maxLength;
        EnumTypeName = enumTypeName;
        EnumMembers = enumMembers;
    }

    public string Name { get; }

    /// <summary>Position of the value in a stored row (<c>object?[]</c>).</summary>
    public int Index { get; }

    public FieldKind Kind { get; }

    public bool IsKey { get; }

    public bool IsNullable { get; }

    /// <summary>Assigned by the server (Org.OData.Core.V1.Computed); a write never supplies it.</summary>
    public bool IsComputed { get; }

    public int? MaxLength { get; }

    /// <summary>Qualified enum type name, e.g. Microsoft.Dynamics.DataEntities.NoYes (enums only).</summary>
    public string? EnumTypeName { get; }

    /// <summary>Member symbols in declaration order (enums only).</summary>
    public IReadOnlyList<string> EnumMembers { get; }

    /// <summary>
    /// F&amp;O requires a string that is not nullable and not computed on create (fno.xml's convention);
    /// other non-nullable types are filled with their default by the server.
    /// </summary>
    public bool IsRequired => Kind == FieldKind.String && !IsNullable && !IsComputed;

    /// <summary>The member symbol matching <paramref name="symbol"/> ignoring case, or null.</summary>
    public string? FindEnumMember(string symbol)
    {
        foreach (var member in EnumMembers)
        {
            if (string.Equals(member, symbol, StringComparison.OrdinalIgnoreCase))
            {
                return member;
            }
        }

        return null;
    }

    public override string ToString() => Name;
}
