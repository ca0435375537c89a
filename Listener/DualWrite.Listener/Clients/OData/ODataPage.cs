using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace DualWrite.Listener.Clients.OData;

/// <summary>One page of a query: its rows and the service's <c>@odata.nextLink</c> (null on the last page).</summary>
public sealed record ODataPage(IReadOnlyList<JsonObject> Rows, Uri? NextLink);
