using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Emulators.Dataverse.WebApi.Faults;

namespace DualWrite.Emulators.Dataverse.WebApi.Batch;

/// <summary>Splits a multipart/mixed body into parts (CRLF or LF line ends), and reads header blocks.</summary>
internal static class MultipartReader
{
    public static List<MimePart> ReadParts(string body, string boundary)
    {
        var lines = body.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var parts = new List<MimePart>();
        List<string>? current = null;
        var closed = false;
        foreach (var line in lines)
        {
            if (line == "--" + boundary + "--")
            {
                if (current is not null)
                {
                    parts.Add(ToPart(current));
                }

                closed = true;
                break;
            }

            if (line == "--" + boundary)
            {
                if (current is not null)
                {
                    parts.Add(ToPart(current));
                }

                current = [];
                continue;
            }

            current?.Add(line);
        }

        return closed ? parts : throw WebApiException.BadRequest($"The multipart body does not end with the closing boundary '--{boundary}--'.");
    }

    /// <summary>Header lines up to the first blank line, then the rest as content.</summary>
    public static (Dictionary<string, string> Headers, string Content) ReadHeaders(IReadOnlyList<string> lines, int start)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var index = start;
        for (; index < lines.Count && lines[index].Length > 0; index++)
        {
            var colon = lines[index].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[lines[index][..colon].Trim()] = lines[index][(colon + 1)..].Trim();
            }
        }

        var rest = index + 1 < lines.Count ? string.Join("\n", lines.Skip(index + 1)).TrimEnd('\n') : string.Empty;
        return (headers, rest);
    }

    private static MimePart ToPart(List<string> lines)
    {
        var (headers, rest) = ReadHeaders(lines, 0);
        return new MimePart(headers, rest);
    }
}
