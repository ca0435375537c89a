using System;
using System.Globalization;

namespace DualWrite.Emulators.FinOps.OData.Handlers;

/// <summary>The page size of a collection query: at most 10,000; a smaller <c>Prefer: odata.maxpagesize</c> is honoured.</summary>
internal static class PageSizePreference
{
    /// <summary>F&amp;O's server page size: at most 10,000 rows a page.</summary>
    public const int MaxPageSize = 10_000;

    private const string Name = "odata.maxpagesize=";

    /// <param name="applied">The <c>Preference-Applied</c> value when the caller's preference was used.</param>
    public static int Read(ODataRequest request, out string? applied)
    {
        applied = null;
        var prefer = request.Header("Prefer");
        if (prefer is null)
        {
            return MaxPageSize;
        }

        foreach (var preference in prefer.Split(',', StringSplitOptions.TrimEntries))
        {
            if (preference.StartsWith(Name, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(preference.AsSpan(Name.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0)
            {
                var effective = Math.Min(size, MaxPageSize);
                applied = Name + effective.ToString(CultureInfo.InvariantCulture);
                return effective;
            }
        }

        return MaxPageSize;
    }
}
