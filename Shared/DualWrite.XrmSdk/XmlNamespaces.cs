namespace Microsoft.Xrm.Sdk;

/// <summary>The data-contract namespace the real SDK stamps on its serializable types, kept in one
/// place so serialized payloads match what the platform and its tools expect.</summary>
internal static class XmlNamespaces
{
    public const string Contracts = "http://schemas.microsoft.com/xrm/2011/Contracts";

    /// <summary>The ExecuteMultiple types were added later and use the 2012 namespace (as listed on
    /// learn.microsoft.com for OrganizationRequestCollection and ExecuteMultipleResponseItemCollection).</summary>
    public const string Contracts2012 = "http://schemas.microsoft.com/xrm/2012/Contracts";

    /// <summary>The ExecuteTransaction types came with CRM 2015 (7.1) and use its namespace (as listed on
    /// learn.microsoft.com for OrganizationResponseCollection and ExecuteTransactionFault).</summary>
    public const string Contracts71 = "http://schemas.microsoft.com/xrm/7.1/Contracts";
}
