using System;
using System.Net.Http;

namespace DualWrite.Listener.Syncing;

/// <summary>
/// Handlers placed just in front of the network in the F&amp;O or Dataverse client (behind resilience and the
/// token): where tests inject an outage or count the listener's own requests. Empty by default.
/// </summary>
public sealed class OutboundHandlerHooks
{
    public Func<DelegatingHandler>? FinOps { get; set; }

    public Func<DelegatingHandler>? Dataverse { get; set; }
}
