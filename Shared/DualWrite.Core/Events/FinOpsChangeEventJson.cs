using System;
using System.Collections.Generic;
using System.Globalization;
using DualWrite.Core.Json;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Events;

/// <summary>
/// Reads and writes <see cref="FinOpsChangeEvent"/> in F&amp;O's business event JSON: flat properties,
/// <c>EventTime</c> as <c>"/Date(1696000000000)/"</c>, enums as symbol strings.
/// </summary>
public static class FinOpsChangeEventJson
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static string Write(FinOpsChangeEvent changeEvent)
    {
        if (changeEvent is null)
        {
            throw new ArgumentNullException(nameof(changeEvent));
        }

        var json = new JsonObject();
        json.Add("BusinessEventId", new JsonString(changeEvent.BusinessEventId));
        json.Add("BusinessEventLegalEntity", new JsonString(changeEvent.LegalEntity));
        json.Add("ContextRecordSubject", new JsonString(changeEvent.ContextRecordSubject));
        json.Add("ControlNumber", JsonNumber.FromInt64(changeEvent.ControlNumber));
        json.Add("EventId", new JsonString(changeEvent.EventId));
        json.Add("EventTime", new JsonString(FormatDate(changeEvent.EventTimeUtc)));
        if (changeEvent.InitiatingUser is { } user)
        {
            json.Add("InitiatingUserAADObjectId", new JsonString(user.ToString("D")));
        }

        json.Add("MajorVersion", JsonNumber.FromInt64(changeEvent.MajorVersion));
        json.Add("MinorVersion", JsonNumber.FromInt64(changeEvent.MinorVersion));
        json.Add("EntitySet", new JsonString(changeEvent.EntitySet));
        json.Add("Operation", new JsonString(changeEvent.Operation.ToString()));
        json.Add("EntityKey", new JsonString(changeEvent.EntityKey.ToPredicate()));
        return JsonWriter.Write(json);
    }

    /// <summary>
    /// Parses one event. Every problem is reported at once, each naming the property and the value,
    /// so a sender can fix its payload in one go; <paramref name="changeEvent"/> is null then.
    /// </summary>
    public static bool TryParse(string text, out FinOpsChangeEvent? changeEvent, out IReadOnlyList<string> errors)
    {
        changeEvent = null;
        var problems = new List<string>();
        errors = problems;
        JsonNode root;
        try
        {
            root = JsonParser.Parse(text ?? string.Empty);
        }
        catch (JsonParseException ex)
        {
            problems.Add(ex.Message);
            return false;
        }

        if (root is not JsonObject json)
        {
            problems.Add("An event must be a JSON object, not " + root.Kind + ".");
            return false;
        }

        var businessEventId = RequiredString(json, "BusinessEventId", problems);
        var eventId = RequiredString(json, "EventId", problems);
        var legalEntity = RequiredString(json, "BusinessEventLegalEntity", problems);
        var entitySet = RequiredString(json, "EntitySet", problems);
        var controlNumber = RequiredInt64(json, "ControlNumber", problems);
        var major = OptionalInt64(json, "MajorVersion", problems) ?? 1;
        var minor = OptionalInt64(json, "MinorVersion", problems) ?? 0;

        DateTime? eventTime = null;
        var eventTimeText = RequiredString(json, "EventTime", problems);
        if (eventTimeText is not null)
        {
            eventTime = ParseDate(eventTimeText);
            if (eventTime is null)
            {
                problems.Add(IsDateShape(eventTimeText)
                    ? "EventTime '" + eventTimeText + "' is out of range: F&O dates fall between the years 1 and 9999."
                    : "EventTime '" + eventTimeText + "' is not an F&O date (/Date(milliseconds)/).");
            }
        }

        Guid? initiatingUser = null;
        if (json["InitiatingUserAADObjectId"] is { } userNode)
        {
            if (userNode is JsonString userText && Guid.TryParse(userText.Value, out var user))
            {
                initiatingUser = user;
            }
            else if (!(userNode is JsonString empty && empty.Value.Length == 0) && userNode is not JsonNull)
            {
                problems.Add("InitiatingUserAADObjectId must be a GUID string, not " + JsonWriter.Write(userNode) + ".");
            }
        }

        ChangeOperation? operation = null;
        var operationText = RequiredString(json, "Operation", problems);
        if (operationText is not null)
        {
            operation = operationText switch
            {
                "Create" => ChangeOperation.Create,
                "Update" => ChangeOperation.Update,
                "Delete" => ChangeOperation.Delete,
                _ => null,
            };
            if (operation is null)
            {
                problems.Add("Operation '" + operationText + "' is not Create, Update or Delete.");
            }
        }

        ODataKey? key = null;
        var keyText = RequiredString(json, "EntityKey", problems);
        if (keyText is not null)
        {
            if (!ODataKeyParser.TryParsePredicate(keyText, out key, out var keyError))
            {
                problems.Add("EntityKey '" + keyText + "' is not a key predicate: " + keyError);
            }
        }

        if (problems.Count > 0)
        {
            return false;
        }

        changeEvent = new FinOpsChangeEvent(eventId!, controlNumber!.Value, eventTime!.Value, legalEntity!, entitySet!, operation!.Value, key!)
        {
            BusinessEventId = businessEventId!,
            MajorVersion = (int)major,
            MinorVersion = (int)minor,
            InitiatingUser = initiatingUser,
        };
        return true;
    }

    public static string FormatDate(DateTime utc)
    {
        var ms = (long)(DateTime.SpecifyKind(utc, DateTimeKind.Utc) - Epoch).TotalMilliseconds;
        return "/Date(" + ms.ToString(CultureInfo.InvariantCulture) + ")/";
    }

    /// <summary>
    /// Reads <c>/Date(milliseconds)/</c>; null when the text is not one, or names an instant outside
    /// DateTime's range (years 1 to 9999), which AddMilliseconds would otherwise throw on.
    /// </summary>
    public static DateTime? ParseDate(string text)
    {
        if (!TryReadMilliseconds(text, out var ms) || ms < MinMilliseconds || ms > MaxMilliseconds)
        {
            return null;
        }

        return Epoch.AddMilliseconds(ms);
    }

    private static long MinMilliseconds => (DateTime.MinValue.Ticks - Epoch.Ticks) / TimeSpan.TicksPerMillisecond;

    private static long MaxMilliseconds => (DateTime.MaxValue.Ticks - Epoch.Ticks) / TimeSpan.TicksPerMillisecond;

    // Well-formed digits that still do not parse mean out of range: they overflow a long or DateTime.
    private static bool IsDateShape(string text)
    {
        var digits = DateDigits(text);
        if (digits is null)
        {
            return false;
        }

        var start = digits.StartsWith("-", StringComparison.Ordinal) ? 1 : 0;
        if (digits.Length == start)
        {
            return false;
        }

        for (var i = start; i < digits.Length; i++)
        {
            if (digits[i] < '0' || digits[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadMilliseconds(string text, out long milliseconds)
    {
        milliseconds = 0;
        var digits = DateDigits(text);
        return digits is not null && long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out milliseconds);
    }

    /// <summary>What stands between <c>/Date(</c> and <c>)/</c>; null when the text is not in that form.</summary>
    private static string? DateDigits(string text)
    {
        const string prefix = "/Date(";
        const string suffix = ")/";
        if (text is null || text.Length < prefix.Length + suffix.Length
            || !text.StartsWith(prefix, StringComparison.Ordinal) || !text.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        return text.Substring(prefix.Length, text.Length - prefix.Length - suffix.Length);
    }

    private static string? RequiredString(JsonObject json, string name, List<string> problems)
    {
        var node = json[name];
        if (node is JsonString s && s.Value.Length > 0)
        {
            return s.Value;
        }

        problems.Add(node is null ? name + " is missing." : name + " must be a non-empty string, not " + JsonWriter.Write(node) + ".");
        return null;
    }

    private static long? RequiredInt64(JsonObject json, string name, List<string> problems)
    {
        var node = json[name];
        if (node is null)
        {
            problems.Add(name + " is missing.");
            return null;
        }

        return OptionalInt64(json, name, problems);
    }

    private static long? OptionalInt64(JsonObject json, string name, List<string> problems)
    {
        var node = json[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonNumber n && n.TryGetInt64(out var value))
        {
            return value;
        }

        // F&O serialises some integers as strings; accept those too.
        if (node is JsonString s && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        problems.Add(name + " must be an integer, not " + JsonWriter.Write(node) + ".");
        return null;
    }
}
