namespace DualWrite.Emulators.Dataverse.Metadata;

/// <summary>Column types the engine checks writes against; each names the CLR type the SDK uses for it.</summary>
public enum ColumnType
{
    /// <summary>string</summary>
    String,
    /// <summary>string (multiple lines of text)</summary>
    Memo,
    /// <summary>int</summary>
    Integer,
    /// <summary>long</summary>
    BigInt,
    /// <summary>decimal</summary>
    Decimal,
    /// <summary>double</summary>
    Double,
    /// <summary>Money</summary>
    Money,
    /// <summary>bool</summary>
    Boolean,
    /// <summary>DateTime</summary>
    DateTime,
    /// <summary>Guid (the primary key and other unique identifiers)</summary>
    UniqueIdentifier,
    /// <summary>EntityReference</summary>
    Lookup,
    /// <summary>EntityReference to a systemuser or team</summary>
    Owner,
    /// <summary>OptionSetValue</summary>
    Picklist,
    /// <summary>OptionSetValue (statecode)</summary>
    State,
    /// <summary>OptionSetValue (statuscode)</summary>
    Status,
    /// <summary>OptionSetValueCollection</summary>
    MultiSelectPicklist,
}
