namespace Microsoft.Xrm.Sdk;

/// <summary>Writes to the plug-in trace log; the only diagnostics channel inside the sandbox.</summary>
public interface ITracingService
{
    void Trace(string format, params object[] args);
}
