using System.Collections.Generic;
using System.Text.Json.Nodes;
using DualWrite.Core.Mapping;
using DualWrite.Core.Wire;

namespace DualWrite.Listener.Applying;

/// <summary>A write's body as the listener's clients take it: Core's <see cref="RecordJson"/>, as a System.Text.Json object.</summary>
public static class PayloadBody
{
    public static JsonObject From(IEnumerable<PayloadField> payload, WireTarget target) => JsonNode.Parse(RecordJson.Write(payload, target))!.AsObject();
}
