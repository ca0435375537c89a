namespace Microsoft.Xrm.Sdk;

/// <summary>The data-contract namespace the real SDK stamps on its serializable types, kept in one
/// place so serialized payloads match what the platform and its tools expect.</summary>
internal static class XmlNamespaces
{
    public const string Contracts = "http://schemas.microsoft.com/xrm/2011/Contracts";
}
