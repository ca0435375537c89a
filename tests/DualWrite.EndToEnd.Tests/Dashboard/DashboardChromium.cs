using System;
using System.IO;

namespace DualWrite.EndToEnd.Tests.Dashboard;

/// <summary>
/// The Chromium the browser test drives: Debian's (<c>/usr/bin/chromium</c>, installed by <c>.ci/run</c>), or the one
/// <c>DUALWRITE_CHROMIUM</c> names. Playwright downloads no browser here, so a missing one fails the test with the fix.
/// </summary>
internal static class DashboardChromium
{
    public const string Variable = "DUALWRITE_CHROMIUM";

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    public static string ExecutablePath()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Assert.True(File.Exists(configured), Variable + " names " + configured + ", which does not exist.");
            return configured;
        }

        foreach (var candidate in Candidates)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("Chromium is not installed (looked for " + string.Join(", ", Candidates) + "). The dashboard's browser test needs it: "
            + "run 'apt-get install -y chromium' (.ci/run does when it is missing) or set " + Variable + " to a Chromium executable.");
        return null!;
    }
}
