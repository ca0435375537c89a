using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Tests.Bulk.Writing;

/// <summary>Counts the bulk requests (POSTs) in flight and the most seen at once, below every other handler.</summary>
public sealed class ConcurrencyProbe : DelegatingHandler
{
    private int inFlight;
    private int peak;
    private int posts;

    public int Peak => Volatile.Read(ref peak);

    public int Posts => Volatile.Read(ref posts);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        Interlocked.Increment(ref posts);
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
        {
        }

        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
