using System;

namespace DualWrite.Emulators.Common.Latency;

/// <summary>
/// Counts the operations of a multipart $batch body without parsing it: every operation is a part with
/// <c>Content-Type: application/http</c> (inside a changeset or not), so counting that header is enough for latency.
/// </summary>
public static class BatchOperationCounter
{
    private const string OperationContentType = "application/http";

    public static int Count(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return 0;
        }

        var count = 0;
        var index = 0;
        while ((index = body.IndexOf(OperationContentType, index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            count++;
            index += OperationContentType.Length;
        }

        return count;
    }
}
