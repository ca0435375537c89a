using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.OData.Handlers;

/// <summary>Optimistic concurrency for updates and deletes.</summary>
internal static class IfMatchPrecondition
{
    /// <summary>412 when If-Match names another version than the current row's (<c>*</c> matches any); null when the write may go on.</summary>
    public static ODataResponse? Failure(ODataRequest request, EntitySetSchema set, object?[] existing)
    {
        var ifMatch = request.Header("If-Match");
        var current = RowETag.Compute(set, existing);
        return ifMatch is null || RowETag.Matches(ifMatch, current)
            ? null
            : ODataErrors.Create(412, "The record " + set.Name + RowKeys.Describe(set, existing) + " has changed since it was read (If-Match " + ifMatch + ", current " + current + ").", ODataErrors.ODataExceptionType);
    }
}
