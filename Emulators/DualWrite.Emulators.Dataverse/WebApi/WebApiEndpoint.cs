using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Latency;
using DualWrite.Emulators.Dataverse.WebApi.Faults;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DualWrite.Emulators.Dataverse.WebApi;

/// <summary>
/// The HTTP side of the Web API: turns an ASP.NET Core request under /api/data/v9.2 into a
/// <see cref="WebApiRequest"/>, runs it, and writes the answer; any failure becomes the documented error body.
/// </summary>
public sealed class WebApiEndpoint
{
    public const string ServicePath = "/api/data/v9.2";

    private readonly WebApiRequestHandler _handler;
    private readonly ILogger _logger;
    private readonly LatencySimulator? _latency;

    public WebApiEndpoint(WebApiRequestHandler handler, ILogger<WebApiEndpoint> logger, LatencySimulator? latency = null)
    {
        _handler = handler;
        _logger = logger;
        _latency = latency;
    }

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var path = request.Path.Value ?? string.Empty;
        var relative = path.Length > ServicePath.Length ? path[ServicePath.Length..] : string.Empty;
        var webRequest = new WebApiRequest
        {
            Method = request.Method,
            RelativePath = relative.TrimStart('/'),
            Query = WebApiRequest.ParseQuery(request.QueryString.Value),
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body.Length == 0 ? null : body,
            ServiceRoot = new Uri(request.Scheme + "://" + request.Host + ServicePath + "/"),
        };

        WebApiResponse response;
        try
        {
            // Reads run inline; writes (which run plug-ins and take row locks) on their own thread.
            response = HttpMethods.IsGet(webRequest.Method)
                ? _handler.Handle(webRequest)
                : await BlockingWork.RunAsync(() => _handler.Handle(webRequest)).ConfigureAwait(false);
        }
        catch (Exception ex) when (WebApiError.From(ex) is { } error)
        {
            response = WebApiResponse.Error(error);
        }
#pragma warning disable CA1031 // A bug in the emulator answers 500 with the documented body instead of dropping the connection.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Unexpected failure for {Method} {Path}", request.Method, path);
            response = WebApiResponse.Error(new WebApiError(500, WebApiErrorCodes.Unexpected, ex.GetType().Name + ": " + ex.Message));
        }

        if (_latency is not null)
        {
            // After the work (no lock held), before the answer: the caller waits as it would on the service.
            await _latency.DelayAsync(_latency.CountsRecords ? WrittenRecordCounter.Count(webRequest) : 1, context.RequestAborted).ConfigureAwait(false);
        }

        await WriteAsync(context, response).ConfigureAwait(false);
    }

    public static async Task WriteAsync(HttpContext context, WebApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(response);
        context.Response.StatusCode = response.StatusCode;
        context.Response.Headers["OData-Version"] = "4.0";
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
