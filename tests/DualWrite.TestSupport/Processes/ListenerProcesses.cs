using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace DualWrite.TestSupport.Processes;

/// <summary>
/// The <c>dualwrite</c> executable as the benchmark and the chaos run start it: configured for a pair of emulator processes (their
/// token endpoints, the default application) with its own data directory; one command to its end, or <c>listen</c>.
/// </summary>
public sealed class ListenerProcesses
{
    public const string SecretHeader = "X-DualWrite-Secret";

    public const string Secret = "loopback-test-secret";

    private readonly BuildOutputs _outputs;

    public ListenerProcesses(BuildOutputs outputs)
    {
        _outputs = outputs ?? throw new ArgumentNullException(nameof(outputs));
    }

    /// <summary>The settings every command needs: both targets, the event secret, a fresh data directory, Warning-level logs.</summary>
    public static List<string> Settings(EmulatorProcess finOps, EmulatorProcess dataverse, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(finOps);
        ArgumentNullException.ThrowIfNull(dataverse);
        return
        [
            "--DualWrite:FinOps:BaseUrl=" + finOps.BaseAddress.AbsoluteUri,
            "--DualWrite:FinOps:Authority=" + finOps.Authority.AbsoluteUri,
            "--DualWrite:FinOps:ClientId=dualwrite-emulator",
            "--DualWrite:FinOps:ClientSecret=emulator-secret",
            "--DualWrite:Dataverse:BaseUrl=" + dataverse.BaseAddress.AbsoluteUri,
            "--DualWrite:Dataverse:Authority=" + dataverse.Authority.AbsoluteUri,
            "--DualWrite:Dataverse:ClientId=dualwrite-emulator",
            "--DualWrite:Dataverse:ClientSecret=emulator-secret",
            "--DualWrite:Receiving:SharedSecret=" + Secret,
            "--DualWrite:Receiving:SharedSecretHeader=" + SecretHeader,
            "--DualWrite:Inbox:DataDirectory=" + dataDirectory,
            "--Logging:LogLevel:Default=Warning",
        ];
    }

    /// <summary>A fresh, empty data directory under the system's temporary folder.</summary>
    public static string NewDataDirectory(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "dualwrite-test-" + purpose + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Whether this build of <c>dualwrite</c> has the command (its <c>--help</c> succeeds and names it).</summary>
    public async Task<bool> HasCommandAsync(string command)
    {
        await using var help = ChildProcess.Start("dualwrite " + command + " --help", _outputs.Listener, [command, "--help"]);
        var exitCode = await help.WaitForExitAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        return exitCode == 0 && help.StandardOutput.Contains(command, StringComparison.OrdinalIgnoreCase)
            && !help.Tail.Contains("Unrecognized command", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Runs <c>dualwrite COMMAND args</c> to its end (or kills it at the timeout), sampling its peak memory.</summary>
    public async Task<CommandRun> RunAsync(string command, IEnumerable<string> arguments, TimeSpan timeout)
    {
        await using var process = ChildProcess.Start("dualwrite " + command, _outputs.Listener, new[] { command }.Concat(arguments));
        var exitCode = await process.WaitForExitAsync(timeout).ConfigureAwait(false);
        return new CommandRun(exitCode, process.Elapsed, process.PeakWorkingSetBytes, LastJson(process.StandardOutput), process.Tail, process.ProcessorTime);
    }

    /// <summary>
    /// Starts <c>dualwrite listen</c> on <paramref name="url"/> (default: a free port; give the previous one to restart
    /// it where F&amp;O delivers) and waits until its events endpoint answers.
    /// </summary>
    public async Task<(ChildProcess Process, Uri EventsUrl)> ListenAsync(IEnumerable<string> arguments, string? url = null)
    {
        url ??= "http://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture);
        var process = ChildProcess.Start("dualwrite listen", _outputs.Listener, new[] { "listen", "--DualWrite:Receiving:Urls=" + url }.Concat(arguments));
        using var probe = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            if (process.HasExited)
            {
                var tail = process.Tail;
                await process.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException("dualwrite listen ended before it listened:" + Environment.NewLine + tail);
            }

            try
            {
                using var answer = await probe.GetAsync(new Uri(url + "/events")).ConfigureAwait(false);
                return (process, new Uri(url + "/events"));
            }
            catch (Exception ex) when (ex is System.Net.Http.HttpRequestException or TaskCanceledException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    await process.DisposeAsync().ConfigureAwait(false);
                    throw new TimeoutException("dualwrite listen did not answer on " + url + ".");
                }

                await Task.Delay(200).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The last JSON object standard output ends with (logs may come before it).</summary>
    public static JsonNode? LastJson(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var lines = output.Split('\n');
        for (var start = 0; start < lines.Length; start++)
        {
            var first = lines[start].TrimStart();
            if (!first.StartsWith('{') && !first.StartsWith('['))
            {
                continue;
            }

            try
            {
                return JsonNode.Parse(string.Join('\n', lines[start..]));
            }
            catch (JsonException)
            {
                // Not the answer's start (a log line with braces): keep looking.
            }
        }

        return null;
    }

    /// <summary>A loopback port free right now.</summary>
    public static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }
}
