using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace DualWrite.MapValidation.Validation;

/// <summary>Prints issues one per line (file, map, field, code, message) and turns them into an exit code.</summary>
public static class ValidationReport
{
    public const int Green = 0;
    public const int IssuesFound = 1;

    public static int Write(IReadOnlyList<ValidationIssue> issues, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var issue in issues)
        {
            output.WriteLine(issue.ToString());
        }

        output.WriteLine(issues.Count == 0
            ? "maps validate: no issues."
            : string.Format(CultureInfo.InvariantCulture, "maps validate: {0} issue(s).", issues.Count));
        return issues.Count == 0 ? Green : IssuesFound;
    }
}
