using System;

namespace DualWrite.Emulators.Dataverse.WebApi.Faults;

/// <summary>A request the Web API refuses before or after the engine: an HTTP status plus the error body's code and message.</summary>
public sealed class WebApiException : Exception
{
    public WebApiException(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public WebApiException()
        : this(400, WebApiErrorCodes.BadRequest, "Bad request.")
    {
    }

    public WebApiException(string message)
        : this(400, WebApiErrorCodes.BadRequest, message)
    {
    }

    public WebApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
        Code = WebApiErrorCodes.BadRequest;
    }

    public int StatusCode { get; }

    /// <summary>The hexadecimal error code, e.g. 0x80060888.</summary>
    public string Code { get; }

    public static WebApiException BadRequest(string message) => new(400, WebApiErrorCodes.BadRequest, message);

    public static WebApiException NotFound(string message) => new(404, WebApiErrorCodes.BadRequest, message);
}
