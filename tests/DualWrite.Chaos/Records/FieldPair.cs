namespace DualWrite.Chaos.Records;

/// <summary>A mapped field the run writes: its F&amp;O property and Dataverse column, and how a unique value for it is made.</summary>
public sealed record FieldPair(string FinOps, string Dataverse, string Format)
{
    /// <summary>A value no other operation writes: the operation's number in the field's format.</summary>
    public string ValueFor(long operation) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Format, operation);
}
