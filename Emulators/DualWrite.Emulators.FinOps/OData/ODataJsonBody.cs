using System;
using System.Buffers;
using System.Text.Json;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>A JSON object response with the OData-Version header, its properties written by the caller.</summary>
public static class ODataJsonBody
{
    public static ODataResponse Write(int status, Action<Utf8JsonWriter> writeProperties)
    {
        ArgumentNullException.ThrowIfNull(writeProperties);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, JsonOutput.Options))
        {
            json.WriteStartObject();
            writeProperties(json);
            json.WriteEndObject();
        }

        return ODataResponse.Json(status, buffer.WrittenSpan.ToArray()).WithHeader("OData-Version", "4.0");
    }
}
