using System;
using System.Collections.Generic;
using System.Net;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.Listener.Bulk.Writing;

/// <summary>Reads a non-atomic <c>$batch</c>'s parts into one error (or none) per item.</summary>
public static class BatchAnswers
{
    /// <summary>
    /// One entry per item, in order. A part the answer lacks (the service stopped early) counts as not written,
    /// transiently: sending it again is safe and may well work.
    /// </summary>
    public static BatchAnswer FromParts(IReadOnlyList<BatchOperationResult> parts, int count, string service)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var errors = new ODataError?[count];
        var answered = new bool[count];
        foreach (var part in parts)
        {
            if (part.Index < 0 || part.Index >= count)
            {
                continue;
            }

            answered[part.Index] = true;
            errors[part.Index] = part.Error;
        }

        for (var i = 0; i < count; i++)
        {
            if (!answered[i])
            {
                errors[i] = new ODataError(HttpStatusCode.ServiceUnavailable, null, "the batch answer has no part for this operation", null, service, "POST $batch");
            }
        }

        return BatchAnswer.PerItem(errors);
    }
}
