using System;
using System.Text.Json;
using DualWrite.Emulators.Common.Latency;

namespace DualWrite.Emulators.Dataverse.WebApi;

/// <summary>
/// How many records a Web API request writes, for the latency profile's per-record cost: the Targets of
/// CreateMultiple/UpdateMultiple/UpsertMultiple, the operations of a $batch, one for anything else.
/// </summary>
internal static class WrittenRecordCounter
{
    public static int Count(WebApiRequest request)
    {
        var path = request.RelativePath;
        if (path.EndsWith("$batch", StringComparison.Ordinal))
        {
            return Math.Max(1, BatchOperationCounter.Count(request.Body));
        }

        if (request.Body is not null && (path.EndsWith("CreateMultiple", StringComparison.Ordinal) || path.EndsWith("UpdateMultiple", StringComparison.Ordinal) || path.EndsWith("UpsertMultiple", StringComparison.Ordinal)))
        {
            try
            {
                using var document = JsonDocument.Parse(request.Body);
                return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("Targets", out var targets) && targets.ValueKind == JsonValueKind.Array
                    ? Math.Max(1, targets.GetArrayLength())
                    : 1;
            }
            catch (JsonException)
            {
                // The handler has already answered 400 for it; the request costs what a single one does.
                return 1;
            }
        }

        return 1;
    }
}
