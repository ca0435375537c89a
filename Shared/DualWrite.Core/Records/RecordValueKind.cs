namespace DualWrite.Core.Records;

/// <summary>The kinds of value a neutral record field can hold.</summary>
public enum RecordValueKind
{
    Null,
    String,
    Integer,
    Decimal,
    Money,
    Boolean,
    DateTime,
    Guid,
    Lookup,
}
