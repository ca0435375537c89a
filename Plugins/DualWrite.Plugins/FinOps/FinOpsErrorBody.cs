using System;
using DualWrite.Core.Json;

namespace DualWrite.Plugins.FinOps;

/// <summary>
/// Reads F&amp;O's reason from an error body
/// <c>{"error":{"code":"","message":"An error has occurred.","innererror":{"message":"...","type":"..."}}}</c>:
/// innererror.message when present (the useful part), else error.message, else the body's first line.
/// </summary>
public static class FinOpsErrorBody
{
    private const int MaxReasonLength = 500;

    public static string Reason(string? body, string fallback)
    {
        if (body is null || body.Trim().Length == 0)
        {
            return fallback;
        }

        try
        {
            if (JsonParser.Parse(body) is JsonObject root && root["error"] is JsonObject error)
            {
                if (error["innererror"] is JsonObject inner && inner["message"] is JsonString innerMessage && innerMessage.Value.Trim().Length > 0)
                {
                    return FirstLine(innerMessage.Value);
                }

                if (error["message"] is JsonString message && message.Value.Trim().Length > 0)
                {
                    return FirstLine(message.Value);
                }
            }
        }
        catch (JsonParseException)
        {
            // Not JSON (a gateway's HTML page, say): quote its start below.
        }

        return FirstLine(body);
    }

    /// <summary>The first line, trimmed and shortened: enough for a message box, never a stack trace.</summary>
    public static string FirstLine(string text)
    {
        var line = (text ?? string.Empty).Trim();
        var end = line.IndexOfAny(new[] { '\r', '\n' });
        if (end >= 0)
        {
            line = line.Substring(0, end).TrimEnd();
        }

        return line.Length > MaxReasonLength ? line.Substring(0, MaxReasonLength) + "..." : line;
    }
}
