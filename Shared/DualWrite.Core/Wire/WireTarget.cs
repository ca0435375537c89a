namespace DualWrite.Core.Wire;

/// <summary>The service a write's JSON body goes to; the few wire rules that differ by side key on it.</summary>
public enum WireTarget
{
    Dataverse,
    FinOps,
}
