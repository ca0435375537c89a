using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace DualWrite.Emulators.Throughput;

/// <summary>Runs a measurement several times and prints the median rate.</summary>
public static class Timing
{
    public static async Task<double> MedianRateAsync(string label, int repeat, Func<int, Task<long>> run)
    {
        var rates = new List<double>();
        var gcNotes = new List<string>();
        var cpuRates = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            var (gen0, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var count = await run(i).ConfigureAwait(false);
            rates.Add(count / watch.Elapsed.TotalSeconds);
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            cpuRates.Add(count / Math.Max(cpuSeconds, 0.001));
            gcNotes.Add(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalSeconds:0.0} s, GC {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(2) - gen2} gen0/gen2, paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.0} s"));
        }

        rates.Sort();
        var median = rates[rates.Count / 2];
        cpuRates.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-58} {median,10:N0} rows/s {cpuRates[cpuRates.Count / 2],10:N0} rows/cpu-s   (runs: {string.Join(", ", rates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}; {gcNotes[^1]})"));
        return median;
    }
}
