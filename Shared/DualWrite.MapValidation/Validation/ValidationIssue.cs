using System;

namespace DualWrite.MapValidation.Validation;

/// <summary>One problem found in a map, located by file, map and field, with a message that says what to change.</summary>
public sealed class ValidationIssue
{
    public ValidationIssue(string file, string? map, string? field, ValidationIssueCode code, string message)
    {
        File = file ?? throw new ArgumentNullException(nameof(file));
        Map = map;
        Field = field;
        Code = code;
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>The map file (or metadata document) the issue is in.</summary>
    public string File { get; }

    /// <summary>The map's name; null when the file did not load far enough to have one.</summary>
    public string? Map { get; }

    /// <summary>The field (F&amp;O name when there is one), key or property path; null for map-level issues.</summary>
    public string? Field { get; }

    public ValidationIssueCode Code { get; }

    public string Message { get; }

    /// <summary>One line: <c>customers-v3.json: Customers V3: CustomerGroupId: UnknownField: ...</c>.</summary>
    public override string ToString() =>
        File + ": " + (Map is null ? string.Empty : Map + ": ") + (Field is null ? string.Empty : Field + ": ") + Code + ": " + Message;
}
