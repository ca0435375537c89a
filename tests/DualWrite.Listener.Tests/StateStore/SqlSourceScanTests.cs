using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace DualWrite.Listener.Tests.StateStore;

/// <summary>
/// A guard over the listener's source: SQL is never an interpolated string, and command text is set in one place
/// (StateSql.Command, which the hostile-value tests watch) or from a literal. A new store that pastes a value into
/// SQL fails here before it reaches a review.
/// </summary>
public sealed partial class SqlSourceScanTests
{
    [Fact]
    public void No_sql_is_built_by_interpolation_and_command_text_comes_from_literals_or_StateSql()
    {
        var root = Path.Combine(RepositoryRoot(), "Listener", "DualWrite.Listener");
        var problems = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(path => File.ReadAllLines(path).Select((line, index) => (Path: Path.GetRelativePath(root, path), Number: index + 1, Line: line)))
            .Where(line => (InterpolatedSql().IsMatch(line.Line))
                || (line.Line.Contains(".CommandText = ", StringComparison.Ordinal) && !LiteralCommandText().IsMatch(line.Line) && !line.Path.EndsWith("StateSql.cs", StringComparison.Ordinal)))
            .Select(line => line.Path + ":" + line.Number + ": " + line.Line.Trim())
            .ToList();

        Assert.True(problems.Count == 0, "SQL built from values:\n" + string.Join("\n", problems));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DualWrite.Plugins.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("DualWrite.Plugins.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\$@?""[^""]*\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|WHERE|VALUES|CREATE TABLE|DROP|ALTER TABLE|NOTIFY|LISTEN)\b")]
    private static partial Regex InterpolatedSql();

    [GeneratedRegex(@"\.CommandText = (""[^""]*""|[A-Z][A-Za-z]*Sql);")]
    private static partial Regex LiteralCommandText();
}
