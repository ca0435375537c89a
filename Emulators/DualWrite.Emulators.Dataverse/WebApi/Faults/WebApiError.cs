using System;
using System.Globalization;
using System.Text.Json.Nodes;
using DualWrite.Emulators.Dataverse.Faults;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.WebApi.Faults;

/// <summary>
/// The error body every failure uses, {"error":{"code":"0x...","message":"..."}}, and the HTTP status an engine
/// fault maps to (missing record 404, duplicate key and version mismatch 412, the rest 400; a plug-in's refusal
/// the status its InvalidPluginExecutionException asks for, 400 if none).
/// </summary>
public sealed record WebApiError(int StatusCode, string Code, string Message)
{
    public JsonObject ToJson() => new() { ["error"] = new JsonObject { ["code"] = Code, ["message"] = Message } };

    public static string FormatCode(int errorCode) => "0x" + errorCode.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>The error for an exception from the engine or the Web API layer; null for a bug (answered 500 by the caller).</summary>
    public static WebApiError? From(Exception exception) => exception switch
    {
        WebApiException web => new WebApiError(web.StatusCode, web.Code, web.Message),
        InvalidPluginExecutionException plugin => new WebApiError(StatusOf(plugin), FormatCode(plugin.ErrorCode != 0 ? plugin.ErrorCode : ErrorCodes.IsvAborted), plugin.Message),
        DataverseFaultException fault => new WebApiError(StatusOf(fault.ErrorCode), FormatCode(fault.ErrorCode), fault.Message),
        _ => null,
    };

    // As the Web API does: the status the plug-in asked for, 400 when it asked for none. No Retry-After is
    // invented for a 429: the exception cannot carry one, and the service adds it only for its own limits.
    private static int StatusOf(InvalidPluginExecutionException plugin) =>
        plugin.HttpStatus == PluginHttpStatusCode.NotSet ? 400 : (int)plugin.HttpStatus;

    private static int StatusOf(int errorCode) => errorCode switch
    {
        ErrorCodes.ObjectDoesNotExist => 404,
        ErrorCodes.DuplicateRecord or ErrorCodes.ConcurrencyVersionMismatch => 412,
        _ => 400,
    };
}
