using System;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Faults;

/// <summary>
/// What the in-memory engine throws where the real service raises FaultException&lt;OrganizationServiceFault&gt;
/// (System.ServiceModel is not part of .NET 10 here). <see cref="Fault"/> carries the Dataverse error code.
/// </summary>
public sealed class DataverseFaultException : Exception
{
    public DataverseFaultException(OrganizationServiceFault fault)
        : base(fault?.Message)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Fault = fault;
    }

    public DataverseFaultException(OrganizationServiceFault fault, Exception innerException)
        : base(fault?.Message, innerException)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Fault = fault;
    }

    public DataverseFaultException()
        : this(new OrganizationServiceFault { ErrorCode = ErrorCodes.Unspecified, Message = "Unspecified Dataverse error." })
    {
    }

    public DataverseFaultException(string message)
        : this(new OrganizationServiceFault { ErrorCode = ErrorCodes.Unspecified, Message = message })
    {
    }

    public DataverseFaultException(string message, Exception innerException)
        : this(new OrganizationServiceFault { ErrorCode = ErrorCodes.Unspecified, Message = message }, innerException)
    {
    }

    /// <summary>The fault a real client would find in FaultException.Detail.</summary>
    public OrganizationServiceFault Fault { get; }

    /// <summary>Shorthand for <c>Fault.ErrorCode</c>.</summary>
    public int ErrorCode => Fault.ErrorCode;

    internal static DataverseFaultException Create(int errorCode, string message, Exception? inner = null)
    {
        var fault = new OrganizationServiceFault { ErrorCode = errorCode, Message = message };
        return inner is null ? new DataverseFaultException(fault) : new DataverseFaultException(fault, inner);
    }
}
