using DualWrite.Core.Filters;
using DualWrite.Core.Json;

namespace DualWrite.Core.Maps.Loading;

/// <summary>Parses a side's filter when the map is loaded, so a bad filter fails at load, not at run time.</summary>
internal static class FilterCheck
{
    /// <summary>True when there is no filter or it parses; otherwise reports where and why.</summary>
    public static bool Check(MapDocumentReader reader, JsonNode? at, string path, string? filter)
    {
        if (filter is null || FilterExpression.TryParse(filter, out _, out var error))
        {
            return true;
        }

        reader.Error(at, path, error?.Message ?? "the filter does not parse.");
        return false;
    }
}
