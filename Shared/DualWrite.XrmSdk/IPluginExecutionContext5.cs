namespace Microsoft.Xrm.Sdk;

/// <summary>Adds the user agent of the initiating client.</summary>
public interface IPluginExecutionContext5 : IPluginExecutionContext4
{
    string InitiatingUserAgent { get; }
}
