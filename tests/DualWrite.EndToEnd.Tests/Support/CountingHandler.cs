using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.EndToEnd.Tests.Support;

/// <summary>Records every request a client sends ("PATCH /api/data/v9.2/accounts(...)"), to count writes and prove there is no loop.</summary>
internal sealed class CountingHandler : DelegatingHandler
{
    public CountingHandler()
        : this(new ConcurrentQueue<string>())
    {
    }

    /// <summary>Records into a queue shared with other handlers (one per listener instance, say).</summary>
    public CountingHandler(ConcurrentQueue<string> requests)
    {
        Requests = requests;
    }

    public ConcurrentQueue<string> Requests { get; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request.Method + " " + System.Uri.UnescapeDataString(request.RequestUri!.PathAndQuery));
        return base.SendAsync(request, cancellationToken);
    }
}
