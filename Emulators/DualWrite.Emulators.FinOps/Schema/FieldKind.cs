namespace DualWrite.Emulators.FinOps.Schema;

/// <summary>How a field's value is held in the store and written in JSON.</summary>
public enum FieldKind
{
    /// <summary>Edm.String: held as string (null stands for F&amp;O's empty string).</summary>
    String,

    /// <summary>Edm.Decimal: held as decimal.</summary>
    Decimal,

    /// <summary>Edm.Int32: held as int.</summary>
    Int32,

    /// <summary>Edm.Int64: held as long.</summary>
    Int64,

    /// <summary>Edm.Boolean: held as bool.</summary>
    Boolean,

    /// <summary>Edm.Guid: held as Guid.</summary>
    Guid,

    /// <summary>Edm.DateTimeOffset: held as DateTimeOffset in UTC.</summary>
    DateTimeOffset,

    /// <summary>An EnumType of the model: held as the member's symbol string.</summary>
    Enum,
}
