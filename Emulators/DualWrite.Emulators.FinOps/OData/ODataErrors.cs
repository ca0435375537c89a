using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>
/// F&amp;O's error body: <c>{"error":{"code":"","message":"An error has occurred.","innererror":{"message":...,"type":...,"stacktrace":""}}}</c>.
/// The useful reason is always in innererror.message, as clients (ours included) expect.
/// </summary>
public static class ODataErrors
{
    /// <summary>Validation failures on write.</summary>
    public const string WriteExceptionType = "Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException";

    /// <summary>Malformed URLs, query options and payloads (ODataLib's own exception).</summary>
    public const string ODataExceptionType = "Microsoft.OData.ODataException";

    /// <summary>[unconfirmed] The type F&amp;O names for a key that matches no row.</summary>
    public const string NotFoundType = "Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataObjectNotFoundException";

    /// <summary>Errors raised on purpose by fault injection.</summary>
    public const string InjectedFaultType = "DualWrite.Emulators.FinOps.InjectedFault";

    public static ODataResponse Create(int statusCode, string message, string type) => ODataResponse.Json(statusCode, Body(message, type));

    public static ODataResponse BadRequest(string message) => Create(400, message, ODataExceptionType);

    public static ODataResponse NotFound(string message) => Create(404, message, NotFoundType);

    /// <summary>A write refused by validation: every infolog line at once.</summary>
    public static ODataResponse WriteFailed(string entityTypeName, IReadOnlyList<string> problems) =>
        Create(400, "Write failed for table row of type '" + ShortName(entityTypeName) + "'. Infolog: " + string.Join(" ", Prefix(problems)), WriteExceptionType);

    public static byte[] Body(string message, string type)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, JsonOutput.Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("code", string.Empty);
            json.WriteString("message", "An error has occurred.");
            json.WriteStartObject("innererror");
            json.WriteString("message", message);
            json.WriteString("type", type);
            json.WriteString("stacktrace", string.Empty);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static IEnumerable<string> Prefix(IReadOnlyList<string> problems)
    {
        foreach (var problem in problems)
        {
            yield return "Error: " + problem;
        }
    }

    private static string ShortName(string qualified) => qualified[(qualified.LastIndexOf('.') + 1)..];
}
