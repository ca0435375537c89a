namespace DualWrite.MapValidation.Validation;

/// <summary>What is wrong, as a stable name tests and tools can match on.</summary>
public enum ValidationIssueCode
{
    /// <summary>A metadata document or choices file could not be read or parsed.</summary>
    MetadataUnreadable,

    /// <summary>The map file does not load (syntax, unknown property, invalid value ...).</summary>
    MapDoesNotLoad,

    /// <summary>Two map files share a name.</summary>
    DuplicateMapName,

    UnknownEntitySet,
    UnknownField,
    TypeMismatch,

    /// <summary>A field the target service requires on create that no mapping, default or key fills.</summary>
    RequiredFieldNotFilled,

    /// <summary>An enum member or choice value that travels but has no value-map entry (and no default).</summary>
    ValueNotCovered,

    /// <summary>A value-map, default or constant literal that is not a member of the enum or choice.</summary>
    UnknownValue,

    /// <summary>An integration key field not mapped to a key field of the other side.</summary>
    KeyNotMapped,

    /// <summary>The Dataverse key is not an alternate key the table declares (the upsert needs one).</summary>
    NoMatchingAlternateKey,

    /// <summary>A company-specific entity (it has dataAreaId) mapped without company striping.</summary>
    MissingCompanyStriping,

    /// <summary>A lookup to a table that no map writes and no alternate key addresses.</summary>
    UnresolvableLookup,

    FilterDoesNotParse,
    FilterUnknownField,

    /// <summary>Maps that look each other up in a ring: no initial-sync order exists.</summary>
    DependencyCycle,

    /// <summary>A two-way field whose round trip can change the value (a default, a lossy transform).</summary>
    NotInvertible,
}
