using System;
using System.Collections.Generic;

namespace DualWrite.Core.Multipart;

/// <summary>
/// Reads multipart bodies as OData <c>$batch</c> uses them (requests and responses, changesets nested one level):
/// CRLF (the standard) or bare LF (hand-written curl bodies), quoted or bare boundaries, header names in any case.
/// One reader for the plug-in side, the listener and both emulators; text only, so it runs in the sandbox.
/// </summary>
public static class MultipartReader
{
    /// <summary>The boundary parameter of a <c>multipart/*</c> Content-Type (quotes removed), or null.</summary>
    public static string? BoundaryOf(string? contentType)
    {
        if (contentType is null || !contentType.TrimStart().StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var parameter in contentType.Split(';'))
        {
            var trimmed = parameter.Trim();
            if (trimmed.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
            {
                var value = trimmed.Substring("boundary=".Length).Trim().Trim('"');
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }

    /// <summary>
    /// The parts of a complete body. Throws <see cref="FormatException"/> when no delimiter appears or the closing
    /// delimiter (<c>--boundary--</c>) is missing: a request cut short must not run half its operations.
    /// </summary>
    public static IReadOnlyList<MultipartPart> Read(string body, string boundary)
    {
        var parts = Split(body, boundary, out var opened, out var closed);
        if (!opened)
        {
            throw new FormatException("The multipart body has no part delimited by '--" + boundary + "'.");
        }

        if (!closed)
        {
            throw new FormatException("The multipart body does not end with the closing delimiter '--" + boundary + "--'.");
        }

        return parts;
    }

    /// <summary>The parts found, closed or not: for reading a service's response, where a partial answer still says what happened.</summary>
    public static IReadOnlyList<MultipartPart> ReadAvailable(string body, string boundary) => Split(body, boundary, out _, out _);

    /// <summary>An <c>application/http</c> message: start line (blank lines before it skipped), headers, blank line, body.</summary>
    public static HttpMessage ReadHttpMessage(string content)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        var lines = LinesOf(content);
        var first = 0;
        while (first < lines.Length && lines[first].Trim().Length == 0)
        {
            first++;
        }

        if (first == lines.Length)
        {
            throw new FormatException("The message has no request or status line.");
        }

        var headers = ReadHeaders(lines, first + 1, out var bodyStart);
        var last = lines.Length;
        while (last > bodyStart && lines[last - 1].Trim().Length == 0)
        {
            last--;
        }

        var body = bodyStart < last ? string.Join("\n", lines, bodyStart, last - bodyStart) : string.Empty;
        return new HttpMessage(lines[first].Trim(), headers, body);
    }

    private static List<MultipartPart> Split(string body, string boundary, out bool opened, out bool closed)
    {
        if (body is null)
        {
            throw new ArgumentNullException(nameof(body));
        }

        if (string.IsNullOrEmpty(boundary))
        {
            throw new ArgumentException("A multipart boundary is required.", nameof(boundary));
        }

        var delimiter = "--" + boundary;
        var parts = new List<MultipartPart>();
        List<string>? current = null;
        opened = false;
        closed = false;
        foreach (var line in LinesOf(body))
        {
            // Whitespace after a delimiter is transport padding (RFC 2046), not part of it.
            var trimmed = line.TrimEnd();
            var isClose = trimmed == delimiter + "--";
            if (!isClose && trimmed != delimiter)
            {
                current?.Add(line);
                continue;
            }

            if (current is not null)
            {
                parts.Add(ToPart(current));
            }

            opened = true;
            if (isClose)
            {
                closed = true;
                break;
            }

            current = new List<string>();
        }

        if (!closed && current is not null)
        {
            parts.Add(ToPart(current));
        }

        return parts;
    }

    private static MultipartPart ToPart(List<string> lines)
    {
        var array = lines.ToArray();
        var headers = ReadHeaders(array, 0, out var contentStart);
        var content = contentStart < array.Length ? string.Join("\n", array, contentStart, array.Length - contentStart) : string.Empty;
        return new MultipartPart(headers, content);
    }

    /// <summary>Header lines from <paramref name="start"/> to the first blank line; <paramref name="bodyStart"/> is the line after it.</summary>
    private static Dictionary<string, string> ReadHeaders(string[] lines, int start, out int bodyStart)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = start;
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0)
            {
                i++;
                break;
            }

            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }
        }

        bodyStart = Math.Min(i, lines.Length);
        return headers;
    }

    private static string[] LinesOf(string text) => text.Replace("\r\n", "\n").Split('\n');
}
