using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Hosting;

/// <summary>Collects every problem of one options section, each naming its configuration key and value.</summary>
public sealed class OptionsProblems(string sectionName)
{
    private readonly List<string> problems = [];

    public void Positive(string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            Add(name, "must be a positive time span such as 00:00:30", value);
        }
    }

    public void AtLeast(string name, long value, long minimum)
    {
        if (value < minimum)
        {
            Add(name, "must be at least " + minimum.ToString(CultureInfo.InvariantCulture), value);
        }
    }

    public void Require(bool condition, string name, string rule, object? value)
    {
        if (!condition)
        {
            Add(name, rule, value);
        }
    }

    public void Add(string name, string rule, object? value) =>
        problems.Add(sectionName + ":" + name + " " + rule + " (is " + Describe(value) + ").");

    public ValidateOptionsResult ToResult() => problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);

    private static string Describe(object? value) => value switch
    {
        null => "not set",
        string s => "'" + s + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
