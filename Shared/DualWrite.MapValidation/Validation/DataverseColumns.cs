using System.Linq;
using Microsoft.OData.Edm;

namespace DualWrite.MapValidation.Validation;

/// <summary>
/// Dataverse names a lookup three ways: the column (<c>customerid</c>), its navigation properties
/// (<c>customerid_account</c>) and the value property (<c>_customerid_value</c>).
/// </summary>
internal static class DataverseColumns
{
    public static string ValueProperty(string column) => "_" + column + "_value";

    public static IEdmNavigationProperty? Navigation(IEdmEntityType type, string name) =>
        type.FindProperty(name) as IEdmNavigationProperty;

    /// <summary>True when the column exists as a property, a navigation property or a lookup value property.</summary>
    public static bool Exists(IEdmEntityType type, string column) =>
        type.FindProperty(column) is not null || type.FindProperty(ValueProperty(column)) is not null;

    /// <summary>The property names an alternate-key part or a required check may use for a column.</summary>
    public static bool Names(IEdmEntityType type, string column, string propertyName)
    {
        if (column == propertyName || ValueProperty(column) == propertyName)
        {
            return true;
        }

        return Navigation(type, column) is { } navigation
            && navigation.DependentProperties()?.Any(dependent => dependent.Name == propertyName) == true;
    }
}
