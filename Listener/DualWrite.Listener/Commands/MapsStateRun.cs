using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Admin;
using DualWrite.Listener.Hosting;
using Spectre.Console;

namespace DualWrite.Listener.Commands;

/// <summary>Runs one maps command against the store or a listener, and turns what happened into output and an exit code.</summary>
internal static class MapsStateRun
{
    /// <summary>A request without an operation lists the maps.</summary>
    public static async Task<int> RunAsync(MapsStateRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IMapsBackend backend;
        try
        {
            backend = request.Url is { } url
                ? new ApiMapsBackend(url, request.ApiKey ?? Environment.GetEnvironmentVariable(AdminApiClient.ApiKeyVariable))
                : await StoreMapsBackend.OpenAsync(request.Overrides, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ListenerHost.OptionsProblemsOf(ex) is { Count: > 0 } problems)
        {
            await ConfigurationProblemsReport.WriteAsync(output, problems).ConfigureAwait(false);
            return MapsExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Data.Common.DbException)
        {
            await (request.Json ? Console.Error : output).WriteLineAsync("Cannot open the state store: " + ex.Message).ConfigureAwait(false);
            return MapsExitCodes.Failure;
        }

        await using (backend.ConfigureAwait(false))
        {
            try
            {
                return request.Operation is null
                    ? await ListAsync(backend, request, output, cancellationToken).ConfigureAwait(false)
                    : await ChangeAsync(backend, request, output, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Data.Common.DbException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await (request.Json ? Console.Error : output).WriteLineAsync((request.Url is null ? "The state store failed: " : "The listener at " + request.Url + " failed: ") + ex.Message).ConfigureAwait(false);
                return MapsExitCodes.Failure;
            }
        }
    }

    private static async Task<int> ListAsync(IMapsBackend backend, MapsStateRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        var maps = await backend.GetMapsAsync(cancellationToken).ConfigureAwait(false);
        if (request.Json)
        {
            await output.WriteLineAsync(MapsStateOutput.Json(maps)).ConfigureAwait(false);
        }
        else if (OneShotHost.IsTerminal(false, output))
        {
            AnsiConsole.Write(MapsStateOutput.Table(maps));
        }
        else
        {
            foreach (var line in MapsStateOutput.Lines(maps))
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        return MapsExitCodes.Ok;
    }

    private static async Task<int> ChangeAsync(IMapsBackend backend, MapsStateRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        var result = await backend.ChangeAsync(request.Operation!, request.Map!, request.Reason, cancellationToken).ConfigureAwait(false);
        if (request.Json)
        {
            await output.WriteLineAsync(result.Succeeded ? MapsStateOutput.Json(result.Map) : MapsStateOutput.Json(new { problem = result.Problem, detail = result.Detail })).ConfigureAwait(false);
        }
        else if (result.Succeeded)
        {
            await output.WriteLineAsync(MapsStateOutput.Changed(request.Operation!, result.Map!)).ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(result.Detail).ConfigureAwait(false);
        }

        return result.Succeeded ? MapsExitCodes.Ok : MapsExitCodes.BadInput;
    }
}
