using System;
using DualWrite.Core.Keys;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.OData.Routing;

/// <summary>
/// Parses a request's method and path into an <see cref="ODataRoute"/>, or the error F&amp;O answers for it:
/// 405 for a method reads do not take, 404 for an unknown entity set, 400 for a bad key or query string.
/// Which operation runs for a route and method is the <see cref="ODataService"/>'s choice.
/// </summary>
public sealed class ODataRouter
{
    private const string CountSegment = "/$count";

    private readonly FinOpsSchema _schema;

    public ODataRouter(FinOpsSchema schema)
    {
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
    }

    /// <param name="batchAllowed">Whether <c>POST $batch</c> routes to the batch (a request of its own) or, as a part of a batch, is an unknown segment.</param>
    public bool TryRoute(ODataRequest request, bool batchAllowed, out ODataRoute? route, out ODataResponse? error)
    {
        ArgumentNullException.ThrowIfNull(request);
        route = null;
        error = null;
        if (!request.IsWrite)
        {
            if (request.Method is not ("GET" or "HEAD"))
            {
                error = ODataRefusals.MethodNotAllowed(request);
                return false;
            }

            // Only reads know the service document and $metadata: a write to them names an unknown entity set.
            if (request.ResourcePath.Length == 0)
            {
                route = new ODataRoute(ODataRouteKind.ServiceDocument);
                return true;
            }

            if (request.ResourcePath == "$metadata")
            {
                route = new ODataRoute(ODataRouteKind.Metadata);
                return true;
            }
        }
        else if (batchAllowed && request.Method == "POST" && request.ResourcePath == "$batch")
        {
            route = new ODataRoute(ODataRouteKind.Batch);
            return true;
        }

        return TryRouteEntitySet(request, out route, out error);
    }

    private bool TryRouteEntitySet(ODataRequest request, out ODataRoute? route, out ODataResponse? error)
    {
        route = null;
        error = null;
        var path = request.ResourcePath.TrimEnd('/');
        var isCount = path.EndsWith(CountSegment, StringComparison.Ordinal);
        if (isCount)
        {
            path = path[..^CountSegment.Length];
        }

        string setName;
        ODataKey? key = null;
        if (path.Contains('(', StringComparison.Ordinal))
        {
            try
            {
                var entityPath = ODataKeyParser.ParseEntityPath(path);
                setName = entityPath.EntitySet;
                key = entityPath.Key;
            }
            catch (ODataKeyParseException ex)
            {
                error = ODataErrors.BadRequest(ex.Message);
                return false;
            }
        }
        else
        {
            setName = path;
        }

        var set = _schema.Find(setName);
        if (set is null || (isCount && key is not null))
        {
            error = ODataErrors.NotFound("Resource not found for the segment '" + setName + "'.");
            return false;
        }

        object?[]? probe = null;
        if (key is not null && !KeyResolver.TryResolve(set, key, out probe, out var keyError))
        {
            error = ODataErrors.BadRequest(keyError!);
            return false;
        }

        QueryString query;
        try
        {
            query = QueryString.Parse(request.RawQuery);
        }
        catch (FormatException ex)
        {
            error = ODataErrors.BadRequest("The query string is not valid: " + ex.Message);
            return false;
        }

        var kind = probe is not null ? ODataRouteKind.Entity : isCount ? ODataRouteKind.Count : ODataRouteKind.Collection;
        route = new ODataRoute(kind, set, probe, query);
        return true;
    }
}
