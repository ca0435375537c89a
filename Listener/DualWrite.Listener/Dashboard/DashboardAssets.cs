using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;

namespace DualWrite.Listener.Dashboard;

/// <summary>
/// The dashboard's files, embedded in the executable (<c>Dashboard/Assets</c>), read once: the page works from the
/// deployed binary alone, with no wwwroot folder and no front-end build.
/// </summary>
public static class DashboardAssets
{
    private const string ResourcePrefix = "DualWrite.Listener.Dashboard.";

    private static readonly Lazy<IReadOnlyDictionary<string, DashboardAsset>> All = new(Load);

    /// <summary>The file named <paramref name="name"/> (<c>index.html</c>, <c>dashboard.js</c>); null when there is none.</summary>
    public static DashboardAsset? Find(string name) => All.Value.GetValueOrDefault(name);

    private static Dictionary<string, DashboardAsset> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var name = resource[ResourcePrefix.Length..];
            var etag = "\"" + Convert.ToHexString(SHA256.HashData(content), 0, 8) + "\"";
            assets[name] = new DashboardAsset(name, content, ContentTypeOf(name), etag);
        }

        return assets;
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}
