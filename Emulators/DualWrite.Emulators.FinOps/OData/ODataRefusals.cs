using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>The refusals the router and several operations share, worded once.</summary>
public static class ODataRefusals
{
    public static ODataResponse MethodNotAllowed(ODataRequest request) =>
        ODataErrors.Create(405, "The HTTP method '" + request.Method + "' is not allowed on '" + request.ResourcePath + "'.", ODataErrors.ODataExceptionType);

    /// <summary>404 for a key that finds no record the caller may see.</summary>
    public static ODataResponse RecordNotFound(EntitySetSchema set, object?[] probe) =>
        ODataErrors.NotFound("No " + set.Name + " record found with the key " + RowKeys.Describe(set, probe)
            + " (records of another company than the caller's are found only with cross-company=true).");
}
