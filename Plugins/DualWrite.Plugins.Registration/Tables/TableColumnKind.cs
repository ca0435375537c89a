namespace DualWrite.Plugins.Registration.Tables;

/// <summary>The column types DualWrite's own tables use, as solution XML names them.</summary>
public enum TableColumnKind
{
    /// <summary>nvarchar: one line of text.</summary>
    Text,

    /// <summary>ntext: multiple lines of text (JSON bodies).</summary>
    Memo,

    /// <summary>bit: yes/no.</summary>
    Boolean,

    /// <summary>int.</summary>
    Integer,

    /// <summary>bigint.</summary>
    BigInteger,

    /// <summary>datetime, stored and shown in UTC.</summary>
    DateTime,
}
