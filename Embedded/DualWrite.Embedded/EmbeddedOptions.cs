using System;
using System.IO;
using DualWrite.Emulators.FinOps.Seed;

namespace DualWrite.Embedded;

/// <summary>
/// The embedded default (section <c>DualWrite:Embedded</c>): both emulators in this process on fixed loopback
/// ports, so the printed curl commands work; tests use 0 (any free port).
/// </summary>
public sealed class EmbeddedOptions
{
    public const string SectionName = "DualWrite:Embedded";

    /// <summary>The F&amp;O emulator's port. Default 5100.</summary>
    public int FinOpsPort { get; set; } = 5100;

    /// <summary>The Dataverse emulator's port. Default 5200.</summary>
    public int DataversePort { get; set; } = 5200;

    /// <summary>The listener's event endpoint. Default <c>http://127.0.0.1:5080</c>.</summary>
    public string ListenerUrls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Where the listener keeps its inbox and state store, kept across restarts so events received but not applied yet
    /// survive one. Default: <c>DualWrite/embedded</c> under the user's local application data
    /// (<c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on Windows), or <c>./.dualwrite/embedded</c> when there is none.
    /// <c>--DualWrite:Inbox:DataDirectory</c> overrides it too.
    /// </summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    /// <summary>Customers in the F&amp;O seed. Default: the small data set's 300.</summary>
    public int Customers { get; set; } = SeedOptions.Small.Customers;

    /// <summary>
    /// The F&amp;O data set: the small one (reference data, vendors, contacts, products, sales orders) with
    /// <see cref="Customers"/> customers.
    /// </summary>
    public SeedOptions Seed => SeedOptions.Small with { Customers = Customers };

    private static string DefaultDataDirectory()
    {
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(local)
            ? Path.GetFullPath(Path.Combine(".dualwrite", "embedded"))
            : Path.Combine(local, "DualWrite", "embedded");
    }
}
