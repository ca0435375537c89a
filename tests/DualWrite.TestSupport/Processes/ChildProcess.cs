using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.TestSupport.Processes;

/// <summary>
/// A process a test program started (<c>dotnet ASSEMBLY args</c>): its output kept (the last lines for errors, all of
/// stdout for JSON answers), its peak resident memory sampled from /proc/PID/status (VmHWM: the kernel's own peak,
/// read until the process ends), and killed by its id on dispose if still running.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly List<string> _stdout = new();
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stopSampling = new();
    private readonly Task _sampling;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _peakBytes;
    private long _cpuTicks;

    private ChildProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        _process.OutputDataReceived += (_, e) => Keep(e.Data, stdout: true);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data, stdout: false);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _sampling = SampleMemoryAsync(_stopSampling.Token);
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The most resident memory the process has had, in bytes (VmHWM), as last sampled.</summary>
    public long PeakWorkingSetBytes => Interlocked.Read(ref _peakBytes);

    /// <summary>
    /// Processor time the process has used (user + system, from /proc/PID/stat), as last sampled: what the process
    /// itself cost, whatever else the machine was running at the time.
    /// </summary>
    public TimeSpan ProcessorTime => TimeSpan.FromSeconds(Interlocked.Read(ref _cpuTicks) / ClockTicksPerSecond);

    /// <summary>Time since start, or the run time once ended.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public static ChildProcess Start(string name, string assembly, IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No console colours or progress animations in captured output.
        start.Environment["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "false";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (variable, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[variable] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + name + ".");
        return new ChildProcess(process, name);
    }

    /// <summary>Standard output so far, every line.</summary>
    public string StandardOutput
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _stdout);
            }
        }
    }

    /// <summary>The last lines of both streams, for a failure message.</summary>
    public string Tail
    {
        get
        {
            lock (_gate)
            {
                return string.Join(Environment.NewLine, _lastLines);
            }
        }
    }

    /// <summary>Waits for a line (either stream, from now on or already kept) the predicate accepts; fails when the process ends first or the time is up.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> accept, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var kept = _lastLines.FirstOrDefault(accept);
            if (kept is not null)
            {
                return kept;
            }

            _waiters.Add((accept, found));
        }

        var deadline = DateTime.UtcNow + timeout;
        while (!found.Task.IsCompleted)
        {
            if (_process.HasExited)
            {
                // Let the output readers finish the last lines before giving up.
                await Task.Delay(200).ConfigureAwait(false);
                if (found.Task.IsCompleted)
                {
                    break;
                }

                throw new InvalidOperationException(Name + " ended (exit code " + _process.ExitCode + ") before it was ready:" + Environment.NewLine + Tail);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(Name + " was not ready within " + timeout + ":" + Environment.NewLine + Tail);
            }

            await Task.WhenAny(found.Task, Task.Delay(100)).ConfigureAwait(false);
        }

        return await found.Task.ConfigureAwait(false);
    }

    /// <summary>Waits for the process to end; returns its exit code (killed and -1 on timeout).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            return -1;
        }

        _clock.Stop();
        await StopSamplingAsync().ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>
    /// Ends the process at once with SIGKILL (what <see cref="Process.Kill(bool)"/> sends on Linux): no shutdown code runs,
    /// as in a crash or an OOM kill. Waits until the kernel has reaped it, so its port and files are free.
    /// </summary>
    public void KillHard() => Kill();

    public async ValueTask DisposeAsync()
    {
        Kill();
        await StopSamplingAsync().ConfigureAwait(false);
        _process.Dispose();
        _stopSampling.Dispose();
    }

    private readonly List<(Func<string, bool> Accept, TaskCompletionSource<string> Found)> _waiters = new();

    private void Keep(string? line, bool stdout)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (stdout)
            {
                _stdout.Add(line);
            }

            _lastLines.Enqueue(line);
            _waiters.RemoveAll(waiter => waiter.Accept(line) && waiter.Found.TrySetResult(line));
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                // This process only (its id), never others by name.
                _process.Kill(entireProcessTree: false);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private async Task StopSamplingAsync()
    {
        await _stopSampling.CancelAsync().ConfigureAwait(false);
        try
        {
            await _sampling.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    // USER_HZ: 100 on every Linux these programs run on (the kernel reports /proc times in it).
    private const double ClockTicksPerSecond = 100.0;

    private async Task SampleMemoryAsync(CancellationToken cancellationToken)
    {
        var status = "/proc/" + _process.Id.ToString(CultureInfo.InvariantCulture) + "/status";
        var stat = "/proc/" + _process.Id.ToString(CultureInfo.InvariantCulture) + "/stat";
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(status, cancellationToken).ConfigureAwait(false))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                        var bytes = kilobytes * 1024;
                        if (bytes > Interlocked.Read(ref _peakBytes))
                        {
                            Interlocked.Exchange(ref _peakBytes, bytes);
                        }
                    }
                }

                // Fields after the command's closing parenthesis: state is the first, utime the 12th, stime the 13th.
                var text = await File.ReadAllTextAsync(stat, cancellationToken).ConfigureAwait(false);
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                if (fields.Length > 12
                    && long.TryParse(fields[11], NumberStyles.Integer, CultureInfo.InvariantCulture, out var user)
                    && long.TryParse(fields[12], NumberStyles.Integer, CultureInfo.InvariantCulture, out var system))
                {
                    Interlocked.Exchange(ref _cpuTicks, user + system);
                }
            }
            catch (IOException)
            {
                // The process has ended: the last sample stands.
                return;
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }
}
