using System;
using System.Collections.Generic;

namespace DualWrite.Listener.Syncing;

/// <summary>The F&amp;O, Dataverse or applying settings are incomplete: every problem, each naming its setting.</summary>
public sealed class SyncConfigurationException : Exception
{
    public SyncConfigurationException()
        : this(Array.Empty<string>())
    {
    }

    public SyncConfigurationException(string message)
        : base(message)
    {
        Problems = new[] { message };
    }

    public SyncConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = new[] { message };
    }

    public SyncConfigurationException(IReadOnlyList<string> problems)
        : base("The sync configuration has " + (problems ?? throw new ArgumentNullException(nameof(problems))).Count + " problem(s):" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; } = Array.Empty<string>();
}
