using DualWrite.Core.Maps;
using Microsoft.OData.Edm;

namespace DualWrite.MapValidation.Validation;

/// <summary>Which EDM types hold the values of each declared field type (FORMAT.md, "Types").</summary>
internal static class TypeCompatibility
{
    public static bool Fits(FieldType declared, IEdmTypeReference actual)
    {
        if (declared == FieldType.Enum)
        {
            return actual.IsEnum();
        }

        if (!actual.IsPrimitive())
        {
            return false;
        }

        var kind = actual.PrimitiveKind();
        return declared switch
        {
            FieldType.String => kind == EdmPrimitiveTypeKind.String,
            FieldType.Int => kind is EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Int16 or EdmPrimitiveTypeKind.Byte or EdmPrimitiveTypeKind.SByte,
            FieldType.Long => kind is EdmPrimitiveTypeKind.Int64 or EdmPrimitiveTypeKind.Int32 or EdmPrimitiveTypeKind.Int16,
            FieldType.Decimal => kind is EdmPrimitiveTypeKind.Decimal or EdmPrimitiveTypeKind.Double or EdmPrimitiveTypeKind.Single,
            FieldType.Money => kind == EdmPrimitiveTypeKind.Decimal,
            FieldType.Bool => kind == EdmPrimitiveTypeKind.Boolean,
            FieldType.Date => kind is EdmPrimitiveTypeKind.Date or EdmPrimitiveTypeKind.DateTimeOffset,
            FieldType.DateTime => kind == EdmPrimitiveTypeKind.DateTimeOffset,
            FieldType.Guid => kind == EdmPrimitiveTypeKind.Guid,
            FieldType.Choice => kind == EdmPrimitiveTypeKind.Int32,
            _ => false,
        };
    }

    public static string Name(FieldType type) => type.ToString().ToLowerInvariant();
}
