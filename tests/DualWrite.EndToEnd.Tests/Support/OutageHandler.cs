using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.EndToEnd.Tests.Support;

/// <summary>Sits in front of the network in a listener's Dataverse client: while the switch says down, every request fails as a refused connection.</summary>
internal sealed class OutageHandler(Func<bool> isDown) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        isDown() ? throw new HttpRequestException("Connection refused (injected Dataverse outage)") : base.SendAsync(request, cancellationToken);
}
