using System;
using System.Net;
using System.Text.Json.Nodes;

namespace DualWrite.Listener.Clients.OData;

/// <summary>A successful answer: its status, body (null when empty) and the <c>OData-EntityId</c> header.</summary>
public sealed record ODataResponse(HttpStatusCode StatusCode, JsonObject? Body, Uri? EntityId);
