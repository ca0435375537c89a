using System.Text.Json;
using System.Text.Json.Serialization;

namespace DualWrite.Listener.Admin;

/// <summary>
/// The admin API's JSON: camelCase names, enums as camelCase strings (<c>"paused"</c>, <c>"initialSync"</c>),
/// nulls left out. The server and the CLI's admin client share it, so what one writes the other reads.
/// </summary>
public static class AdminJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the conventions to <paramref name="options"/> (the host's HTTP JSON options).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        System.ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
