using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// The one exception whose message the platform shows the user: throwing it cancels the operation
/// and rolls back the transaction. Defaults: <see cref="Status"/> = Failed, <see cref="HttpStatus"/>
/// = NotSet. Serializable because the sandbox marshals it across the isolation boundary.
/// </summary>
[Serializable]
public sealed class InvalidPluginExecutionException : Exception, ISerializable
{
    private const string StatusKey = "Status";
    private const string ErrorCodeKey = "ErrorCode";
    private const string HttpStatusKey = "HttpStatus";

    private readonly OperationStatus _status;
    private readonly int _errorCode;
    private readonly PluginHttpStatusCode _httpStatus;

    public InvalidPluginExecutionException()
    {
    }

    public InvalidPluginExecutionException(OperationStatus status)
    {
        _status = status;
    }

    public InvalidPluginExecutionException(string message)
        : base(message)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status, string message)
        : base(message)
    {
        _status = status;
    }

    public InvalidPluginExecutionException(string message, Exception exception)
        : base(message, exception)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
        : base(message)
    {
        _status = status;
        _errorCode = errorCode;
    }

    public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
        : base(message)
    {
        _httpStatus = httpStatus;
    }

    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus)
        : base(message)
    {
        _status = status;
        _errorCode = errorCode;
        _httpStatus = httpStatus;
    }

    private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context)
        : base(info, context)
    {
        _status = (OperationStatus)info.GetInt32(StatusKey);
        _errorCode = info.GetInt32(ErrorCodeKey);
        _httpStatus = (PluginHttpStatusCode)info.GetInt32(HttpStatusKey);
    }

    /// <summary>The outcome the plug-in reports; Failed unless given.</summary>
    public OperationStatus Status => _status;

    /// <summary>The error code the plug-in reports; 0 unless given.</summary>
    public int ErrorCode => _errorCode;

    /// <summary>The HTTP status for Web API callers; NotSet unless given.</summary>
    public PluginHttpStatusCode HttpStatus => _httpStatus;

    /// <summary>Adds the status, error code and HTTP status to the serialized form.</summary>
    public override void GetObjectData(SerializationInfo info, StreamingContext context)
    {
        if (info == null)
        {
            throw new ArgumentNullException(nameof(info));
        }

        base.GetObjectData(info, context);
        info.AddValue(StatusKey, (int)_status);
        info.AddValue(ErrorCodeKey, _errorCode);
        info.AddValue(HttpStatusKey, (int)_httpStatus);
    }
}
