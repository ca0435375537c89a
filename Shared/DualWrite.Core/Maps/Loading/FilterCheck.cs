using DualWrite.Core.Json;

namespace DualWrite.Core.Maps.Loading;

/// <summary>Checks a side's filter text when the map is loaded, so a bad filter fails at load, not at run time.</summary>
internal static class FilterCheck
{
    public static void Check(MapDocumentReader reader, JsonNode? at, string path, string? filter)
    {
        // Parsed with DualWrite.Core.Filters once that lands; until then the text is kept as written.
        _ = reader;
        _ = at;
        _ = path;
        _ = filter;
    }
}
