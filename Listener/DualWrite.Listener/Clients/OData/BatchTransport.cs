using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Clients.OData;

/// <summary>Sends a prepared <c>$batch</c> request and reads its multipart answer (both clients use it).</summary>
internal static class BatchTransport
{
    public static async Task<ODataResult<IReadOnlyList<BatchOperationResult>>> SendAsync(ODataTransport transport, HttpRequestMessage request, bool preferInnerMessage, CancellationToken cancellationToken)
    {
        var raw = await transport.SendRawAsync(request, cancellationToken).ConfigureAwait(false);
        if (!raw.Succeeded)
        {
            return ODataResult<IReadOnlyList<BatchOperationResult>>.Failure(raw.Error);
        }

        var (contentType, body) = raw.Value;
        if (!contentType.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            return ODataResult<IReadOnlyList<BatchOperationResult>>.Failure(new ODataError(System.Net.HttpStatusCode.OK, null, "the batch answer is " + contentType + ", not multipart/mixed", null, transport.ServiceName, "POST $batch"));
        }

        return ODataResult<IReadOnlyList<BatchOperationResult>>.Success(ODataBatch.Read(body, contentType, transport.ServiceName, preferInnerMessage));
    }
}
