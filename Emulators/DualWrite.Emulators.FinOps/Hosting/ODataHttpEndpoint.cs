using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.Common.Latency;
using DualWrite.Emulators.FinOps.Auth;
using DualWrite.Emulators.FinOps.OData;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Emulators.FinOps.Hosting;

/// <summary>
/// The end of the /data pipeline: turns the HTTP request into an <see cref="ODataRequest"/> (path and
/// query from the raw request target, so percent-encoded key values reach Core's key parser untouched),
/// runs it, and writes the <see cref="ODataResponse"/>.
/// </summary>
public static class ODataHttpEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = question < 0 ? rawTarget : rawTarget[..question];
        var rawQuery = question < 0 ? string.Empty : rawTarget[(question + 1)..];
        var dataIndex = rawPath.IndexOf("/data", StringComparison.Ordinal);
        var resourcePath = dataIndex < 0 ? string.Empty : rawPath[(dataIndex + "/data".Length)..].TrimStart('/');

        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in context.Request.Headers)
        {
            headers[name] = value.ToString();
        }

        var client = BearerAuthenticationMiddleware.ClientOf(context) as FinOpsClientCredential;
        var serviceRoot = new Uri(context.Request.Scheme + "://" + context.Request.Host + "/data/");
        var request = new ODataRequest(context.Request.Method.ToUpperInvariant(), resourcePath, rawQuery, headers, body, serviceRoot)
        {
            DefaultCompany = (client?.DefaultCompany ?? "usmf").ToLowerInvariant(),
            InitiatingUser = client?.ObjectId,
        };

        // Synchronous on purpose: the store's lock has thread affinity, so nothing may await while it is held.
        ODataResponse response;
        try
        {
            response = services.GetRequiredService<ODataService>().Execute(request);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or NotSupportedException)
        {
            // An emulator bug: answer as F&O answers an unexpected server error (the write, if any, was rolled back).
            response = ODataErrors.Create(500, ex.GetType().Name + ": " + ex.Message, ex.GetType().FullName ?? "System.Exception");
        }

        if (services.GetService<LatencySimulator>() is { } latency)
        {
            // After the work (the store lock is released), before the answer: the caller waits as on the service.
            var records = latency.CountsRecords && resourcePath.EndsWith("$batch", StringComparison.Ordinal) ? BatchOperationCounter.Count(body) : 1;
            await latency.DelayAsync(records, context.RequestAborted).ConfigureAwait(false);
        }

        context.Response.StatusCode = response.StatusCode;
        context.Response.Headers["OData-Version"] = "4.0";
        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }

        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body.Length > 0 && !HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
