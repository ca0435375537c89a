namespace DualWrite.Core.Filters;

/// <summary>The OData string functions a filter may call (see <see cref="FilterExtensions.StringFunctions"/>).</summary>
public enum StringFunction
{
    Contains,
    StartsWith,
    EndsWith,
}
