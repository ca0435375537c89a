using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using DualWrite.TestSupport;

namespace DualWrite.EndToEnd.Tests.Recovery;

/// <summary>
/// <c>dualwrite</c> as its own process (the build output of the configuration the tests were built with): its output kept,
/// killed with SIGKILL by its id when asked (no shutdown code runs), and on dispose if still running.
/// </summary>
internal sealed class ListenerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = new();

    private ListenerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string Assembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(RepositoryPaths.Root, "Listener", "DualWrite.Listener", "bin", configuration, "net10.0", "dualwrite.dll");
        }
    }

    /// <summary>Every line printed so far (both streams).</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }

    /// <summary>Starts <c>dualwrite listen</c> and waits until <paramref name="eventsUrl"/> answers.</summary>
    public static async Task<ListenerProcess> ListenAsync(Uri eventsUrl, IEnumerable<string> arguments)
    {
        var listener = Start(new[] { "listen" }.Concat(arguments));
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            if (listener._process.HasExited)
            {
                throw new InvalidOperationException("dualwrite listen ended before it listened:" + Environment.NewLine + listener.Output);
            }

            try
            {
                using var answer = await probe.GetAsync(eventsUrl);
                return listener;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    await listener.DisposeAsync();
                    throw new TimeoutException("dualwrite listen did not answer on " + eventsUrl + ":" + Environment.NewLine + listener.Output);
                }

                await Task.Delay(200);
            }
        }
    }

    /// <summary>Runs one command to its end; its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> arguments, TimeSpan timeout)
    {
        await using var command = Start(arguments);
        var exited = command._process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(timeout)) != exited)
        {
            return (-1, command.Output);
        }

        command._process.WaitForExit(); // Flushes the redirected streams.
        return (command._process.ExitCode, command.Output);
    }

    /// <summary>SIGKILL: the process ends at once, leaving its leases, its running marker and whatever it had in flight.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            // This process only, by its id.
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>Waits for a printed line containing <paramref name="text"/>; fails when the process ends first or time is up.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            lock (_lines)
            {
                var found = _lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                if (found is not null)
                {
                    return found;
                }
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException("dualwrite ended before printing '" + text + "':" + Environment.NewLine + Output);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("dualwrite did not print '" + text + "' within " + timeout + ":" + Environment.NewLine + Output);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static ListenerProcess Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Assembly)!,
        };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "false";
        start.Environment["NO_COLOR"] = "1";
        return new ListenerProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start dualwrite."));
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }
        }
    }
}
