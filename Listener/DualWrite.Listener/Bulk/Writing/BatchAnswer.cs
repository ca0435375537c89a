using System.Collections.Generic;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.Listener.Bulk.Writing;

/// <summary>
/// How a target answered one batch: all written (both null), refused as a whole (<see cref="Refusal"/>: a bulk
/// action is all or none, so the writer splits it), or item by item (<see cref="ItemErrors"/>, in item order, null
/// for a written item: a <c>$batch</c> whose parts answer for themselves).
/// </summary>
public sealed record BatchAnswer(ODataError? Refusal, IReadOnlyList<ODataError?>? ItemErrors)
{
    public static readonly BatchAnswer AllWritten = new(null, null);

    public static BatchAnswer Refused(ODataError error) => new(error, null);

    public static BatchAnswer PerItem(IReadOnlyList<ODataError?> errors) => new(null, errors);
}
