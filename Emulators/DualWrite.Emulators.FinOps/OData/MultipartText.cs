using System;
using System.Collections.Generic;
using System.Text;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>
/// Reads and writes the text of multipart/mixed bodies and of application/http messages, as $batch
/// uses them. Accepts CRLF (the standard) and bare LF (what hand-written curl bodies often have).
/// </summary>
public static class MultipartText
{
    /// <summary>The boundary parameter of a multipart Content-Type, or null.</summary>
    public static string? Boundary(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        foreach (var parameter in contentType.Split(';', StringSplitOptions.TrimEntries))
        {
            if (parameter.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
            {
                return parameter["boundary=".Length..].Trim('"');
            }
        }

        return null;
    }

    /// <summary>Splits a multipart body; throws <see cref="FormatException"/> when the boundary never appears.</summary>
    public static IReadOnlyList<MultipartPart> Split(string body, string boundary)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(boundary);
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var delimiter = "--" + boundary;
        var parts = new List<MultipartPart>();
        List<string>? current = null;
        var closed = false;
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            if (trimmed == delimiter || trimmed == delimiter + "--")
            {
                if (current is not null)
                {
                    parts.Add(ParsePart(current));
                }

                closed = trimmed.EndsWith("--", StringComparison.Ordinal) && trimmed.Length == delimiter.Length + 2;
                current = closed ? null : new List<string>();
                if (closed)
                {
                    break;
                }

                continue;
            }

            current?.Add(line);
        }

        if (!closed && current is null)
        {
            throw new FormatException("The multipart body has no part delimited by '" + delimiter + "'.");
        }

        if (current is not null)
        {
            throw new FormatException("The multipart body does not end with '" + delimiter + "--'.");
        }

        return parts;
    }

    /// <summary>Reads an application/http request: request line, headers, blank line, body.</summary>
    public static (string Method, string Url, Dictionary<string, string> Headers, string Body) ParseRequest(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lines = content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var index = 0;
        while (index < lines.Length && lines[index].Trim().Length == 0)
        {
            index++;
        }

        if (index == lines.Length)
        {
            throw new FormatException("A batch request part has no request line.");
        }

        var requestLine = lines[index].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requestLine.Length < 2)
        {
            throw new FormatException("The request line '" + lines[index] + "' is not 'METHOD URL HTTP/1.1'.");
        }

        var headers = ReadHeaders(lines, index + 1, out var bodyStart);
        var body = string.Join("\n", lines, bodyStart, lines.Length - bodyStart).Trim();
        return (requestLine[0].ToUpperInvariant(), requestLine[1], headers, body);
    }

    /// <summary>An application/http response message.</summary>
    public static void WriteResponse(StringBuilder output, ODataResponse response, string? contentId)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(response);
        output.Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
        if (contentId is not null)
        {
            output.Append("Content-ID: ").Append(contentId).Append("\r\n");
        }

        output.Append("\r\nHTTP/1.1 ").Append(response.StatusCode).Append(' ')
            .Append(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(response.StatusCode)).Append("\r\n");
        if (response.ContentType is not null)
        {
            output.Append("Content-Type: ").Append(response.ContentType).Append("\r\n");
        }

        foreach (var (name, value) in response.Headers)
        {
            output.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        output.Append("\r\n").Append(Encoding.UTF8.GetString(response.Body)).Append("\r\n");
    }

    private static MultipartPart ParsePart(List<string> lines)
    {
        var array = lines.ToArray();
        var headers = ReadHeaders(array, 0, out var bodyStart);

        // The line break before the next delimiter belongs to the delimiter, not the content.
        var content = string.Join("\r\n", array, bodyStart, array.Length - bodyStart);
        return new MultipartPart(headers, content);
    }

    private static Dictionary<string, string> ReadHeaders(string[] lines, int start, out int bodyStart)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = start;
        for (; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                i++;
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        bodyStart = Math.Min(i, lines.Length);
        return headers;
    }
}
