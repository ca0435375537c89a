using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Tests.Applying;

/// <summary>Records every request a client sends ("PATCH /api/data/v9.2/accounts(...)"), to count the applier's writes.</summary>
public sealed class RequestLog : DelegatingHandler
{
    public ConcurrentQueue<string> Requests { get; } = new();

    public int Writes => Requests.Count(r => !r.StartsWith("GET ", System.StringComparison.Ordinal));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request.Method + " " + System.Uri.UnescapeDataString(request.RequestUri!.PathAndQuery));
        return base.SendAsync(request, cancellationToken);
    }
}
