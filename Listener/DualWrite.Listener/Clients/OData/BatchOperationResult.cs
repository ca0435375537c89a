using System.Net;
using System.Text.Json.Nodes;

namespace DualWrite.Listener.Clients.OData;

/// <summary>The answer to one batch part, in request order: the status, its JSON body, and the error read from it when it failed.</summary>
public sealed record BatchOperationResult(int Index, HttpStatusCode StatusCode, JsonObject? Body, ODataError? Error)
{
    public bool Succeeded => Error is null;
}
