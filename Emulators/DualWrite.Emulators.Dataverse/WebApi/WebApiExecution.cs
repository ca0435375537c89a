using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.WebApi;

/// <summary>
/// Where the engine requests of a Web API request run: on their own (each its own transaction) or inside a
/// $batch changeset's transaction, with the changeset's Content-ID references.
/// </summary>
public sealed class WebApiExecution
{
    private readonly Func<OrganizationRequest, OrganizationResponse> _execute;

    public WebApiExecution(Func<OrganizationRequest, OrganizationResponse> execute)
    {
        _execute = execute ?? throw new ArgumentNullException(nameof(execute));
    }

    /// <summary>Content-ID to the record its request wrote ($1 in a later URL or @odata.bind).</summary>
    public Dictionary<string, EntityReference> ContentIds { get; } = new(StringComparer.Ordinal);

    public OrganizationResponse Execute(OrganizationRequest request) => _execute(request);
}
