using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.EndToEnd.Tests.Support;

/// <summary>Records every request a client sends ("PATCH accounts(...)"), to count writes and prove there is no loop.</summary>
internal sealed class CountingHandler : DelegatingHandler
{
    public ConcurrentQueue<string> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request.Method + " " + System.Uri.UnescapeDataString(request.RequestUri!.PathAndQuery));
        return base.SendAsync(request, cancellationToken);
    }
}
