using System;
using System.Globalization;

namespace DualWrite.Listener.Bulk.Progress;

/// <summary>How progress figures read: counts with thousands separators, rates, durations.</summary>
public static class ProgressText
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture) + "/s";

    public static string Duration(TimeSpan? span) => span is not { } value
        ? "?"
        : value.TotalHours >= 1 ? value.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : value.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    /// <summary>One line per map: <c>wave 1  Customers V3  12,000/20,000 rows  8,512/s  3 failed  ETA 0:01</c>.</summary>
    public static string Line(MapProgress map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var of = map.Expected is { } expected ? "/" + Count(expected) : string.Empty;
        var eta = map.IsFinished ? "done in " + Duration(map.Elapsed) : "ETA " + Duration(map.Remaining);
        return "wave " + map.Wave.ToString(CultureInfo.InvariantCulture) + "  " + map.Map + "  " + Count(map.Done) + of + " rows  " + Rate(map.RowsPerSecond)
            + "  " + Count(map.Failed) + " failed  " + eta;
    }
}
