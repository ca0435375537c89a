namespace DualWrite.Core.Maps;

/// <summary>The declared type of a field on one side (see Shared/maps/FORMAT.md, "Types").</summary>
public enum FieldType
{
    String,

    /// <summary>An integer checked to the 32-bit range.</summary>
    Int,
    Long,
    Decimal,

    /// <summary>Dataverse only: a decimal amount marked as money.</summary>
    Money,
    Bool,

    /// <summary>A calendar date, held as midnight UTC.</summary>
    Date,

    /// <summary>A point in time in UTC.</summary>
    DateTime,
    Guid,

    /// <summary>F&amp;O only: an enum symbol (string) or value (integer).</summary>
    Enum,

    /// <summary>Dataverse only: a choice (option set) value.</summary>
    Choice,

    /// <summary>Dataverse only, implied by a lookup definition: a reference to another table's record.</summary>
    Lookup,
}
