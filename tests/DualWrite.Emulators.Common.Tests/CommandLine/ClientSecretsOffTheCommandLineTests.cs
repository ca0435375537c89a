using System;
using System.Collections.Generic;
using System.IO;
using DualWrite.Emulators.Common.CommandLine;
using Xunit;

namespace DualWrite.Emulators.Common.Tests.CommandLine;

/// <summary>Emulator token clients from a file or the environment, and no secret echoed when an entry is malformed.</summary>
public sealed class ClientSecretsOffTheCommandLineTests
{
    [Fact]
    public void Clients_come_from_the_command_line_a_file_and_the_environment_and_only_the_command_line_warns()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["# comment", "from-file:file-secret-1", "", "bad-line-secret-2"]);
            Environment.SetEnvironmentVariable(EmulatorCommandLineOptions.ClientsVariable, "from-env:env-secret-3; bad-env-secret-4");
            var options = new EmulatorCommandLineOptions(5100);
            var root = options.CreateRootCommand("test");
            var problems = new List<string>();

            var withFile = root.Parse(["--clients-file", file]);
            var clients = options.ClientsOf(withFile, problems);

            Assert.Equal([("from-file", "file-secret-1"), ("from-env", "env-secret-3")], clients);
            Assert.Equal(["--clients-file line #2 must be ID:SECRET (an id, a colon, a non-empty secret).", EmulatorCommandLineOptions.ClientsVariable + " entry #2 must be ID:SECRET (an id, a colon, a non-empty secret)."], problems);
            Assert.Null(options.CommandLineSecretWarning(withFile));

            var onCommandLine = root.Parse(["--client", "cli:cli-secret-5", "--client", "malformed-secret-6"]);
            problems.Clear();
            options.ClientsOf(onCommandLine, problems);
            Assert.Contains("process list", options.CommandLineSecretWarning(onCommandLine), StringComparison.Ordinal);
            Assert.DoesNotContain("malformed-secret-6", string.Join("\n", problems), StringComparison.Ordinal);
            Assert.Contains("--client #2 must be ID:SECRET", string.Join("\n", problems), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(EmulatorCommandLineOptions.ClientsVariable, null);
            File.Delete(file);
        }
    }
}
