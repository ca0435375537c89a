using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Runs a batch of requests, optionally continuing after faults. Each property is backed by Parameters["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts2012)]
public sealed class ExecuteMultipleRequest : OrganizationRequest
{
    /// <summary>Creates the request with RequestName "ExecuteMultiple".</summary>
    public ExecuteMultipleRequest()
    {
        RequestName = "ExecuteMultiple";
    }

    /// <summary>The requests, run in order.</summary>
    public OrganizationRequestCollection Requests
    {
        get => Parameters.Contains("Requests") ? (OrganizationRequestCollection)Parameters["Requests"] : default;
        set => Parameters["Requests"] = value;
    }

    /// <summary>Fault and response behaviour.</summary>
    public ExecuteMultipleSettings Settings
    {
        get => Parameters.Contains("Settings") ? (ExecuteMultipleSettings)Parameters["Settings"] : default;
        set => Parameters["Settings"] = value;
    }
}
