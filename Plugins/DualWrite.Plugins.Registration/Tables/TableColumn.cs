namespace DualWrite.Plugins.Registration.Tables;

/// <summary>A column of one of DualWrite's own tables.</summary>
/// <param name="LogicalName">The column's logical (and schema) name.</param>
/// <param name="DisplayName">What the maker portal shows.</param>
/// <param name="Description">What it holds, for whoever opens the table.</param>
/// <param name="Kind">Its type.</param>
/// <param name="MaxLength">Text and memo columns: the longest value.</param>
/// <param name="Required">Whether a row needs it (the platform's "business required").</param>
public sealed record TableColumn(string LogicalName, string DisplayName, string Description, TableColumnKind Kind, int MaxLength = 0, bool Required = false);
