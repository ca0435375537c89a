#if NET
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Plugins.FinOps;

/// <summary>
/// Runs every request on the calling thread, body included, and hands back a finished task. A plug-in's API is
/// synchronous, so its thread waits for F&amp;O anyway; on .NET the awaited way would also need a second thread-pool
/// thread to finish the I/O, and a host running many saves at once (the Dataverse emulator) can have every pool
/// thread waiting in a plug-in: the answers then wait for a free thread and the saves time out against a healthy
/// F&amp;O. On .NET Framework (the sandbox) I/O completes on its own I/O threads, so this is compiled for .NET only.
/// </summary>
internal sealed class SynchronousHttpHandler : DelegatingHandler
{
    public SynchronousHttpHandler()
        : base(new HttpClientHandler())
    {
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => Task.FromResult(Send(request, cancellationToken));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = base.Send(request, cancellationToken);
        var body = new MemoryStream();
        using (var stream = response.Content.ReadAsStream(cancellationToken))
        {
            stream.CopyTo(body);
        }

        // A buffered copy with the same headers: reading it later never touches the connection.
        body.Position = 0;
        var buffered = new StreamContent(body);
        foreach (var header in response.Content.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content.Dispose();
        response.Content = buffered;
        return response;
    }
}
#endif
