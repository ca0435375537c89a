using DualWrite.Core.Json;

namespace DualWrite.Core.OData;

/// <summary>
/// An OData error body <c>{"error":{"code","message","innererror":{"message"}}}</c>, read once for the plug-in
/// and the listener. F&amp;O's outer message is the useless "An error has occurred." and its reason is in
/// <c>innererror.message</c>; Dataverse's is in <c>error.message</c>: the caller says which it prefers.
/// </summary>
public sealed class ODataErrorBody
{
    private const int MaxReasonLength = 500;

    private ODataErrorBody(string? code, string? message, string? innerMessage)
    {
        Code = Blank(code) ? null : code;
        Message = Blank(message) ? null : message;
        InnerMessage = Blank(innerMessage) ? null : innerMessage;
    }

    /// <summary>error.code, null when absent or blank (F&amp;O sends "").</summary>
    public string? Code { get; }

    /// <summary>error.message, null when absent or blank.</summary>
    public string? Message { get; }

    /// <summary>error.innererror.message, null when absent or blank.</summary>
    public string? InnerMessage { get; }

    /// <summary>The body's parts, or null when it is not an OData error (blank, HTML, other JSON).</summary>
    public static ODataErrorBody? Parse(string? body)
    {
        if (Blank(body))
        {
            return null;
        }

        try
        {
            if (JsonParser.Parse(body!) is JsonObject root && root["error"] is JsonObject error)
            {
                var inner = error["innererror"] is JsonObject innerError ? Text(innerError, "message") : null;
                return new ODataErrorBody(Text(error, "code"), Text(error, "message"), inner);
            }
        }
        catch (JsonParseException)
        {
            // Not JSON (a gateway's HTML page, say): the caller quotes the body instead.
        }

        return null;
    }

    /// <summary>
    /// The reason to show: the preferred message, else the other one, else the body's first line, else
    /// <paramref name="whenBlank"/>. Always one line and at most 500 characters: never a stack trace.
    /// </summary>
    public static string Reason(string? body, bool preferInnerMessage, string whenBlank)
    {
        var parsed = Parse(body);
        var chosen = parsed is null ? null : preferInnerMessage ? parsed.InnerMessage ?? parsed.Message : parsed.Message ?? parsed.InnerMessage;
        if (chosen is not null)
        {
            return FirstLine(chosen);
        }

        return Blank(body) ? whenBlank : FirstLine(body!);
    }

    /// <summary>The first line, trimmed and shortened: enough for a message box or a log line.</summary>
    public static string FirstLine(string? text)
    {
        var line = (text ?? string.Empty).Trim();
        var end = line.IndexOfAny(new[] { '\r', '\n' });
        if (end >= 0)
        {
            line = line.Substring(0, end).TrimEnd();
        }

        return line.Length > MaxReasonLength ? line.Substring(0, MaxReasonLength) + "..." : line;
    }

    private static string? Text(JsonObject owner, string name) => owner[name] is JsonString text ? text.Value : null;

    private static bool Blank(string? text) => text is null || text.Trim().Length == 0;
}
