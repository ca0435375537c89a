using System;

namespace DualWrite.Core.Keys;

/// <summary>Entity URLs built from an entity set name and a key, relative or absolute, all URL-escaped.</summary>
public static class ODataKeyFormatter
{
    /// <summary><c>CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>: relative to the service root.</summary>
    public static string EntityPath(string entitySet, ODataKey key)
    {
        CheckEntitySet(entitySet);
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        return entitySet + key.ToPredicate();
    }

    /// <summary>The value of an <c>@odata.bind</c> property: <c>/msdyn_customergroups(msdyn_groupid='10')</c>.</summary>
    public static string BindReference(string entitySet, ODataKey key) => "/" + EntityPath(entitySet, key);

    /// <summary>
    /// The absolute URL under a service root such as <c>https://org.crm.dynamics.com/api/data/v9.2/</c> or
    /// <c>https://env.operations.dynamics.com/data</c> (a missing trailing slash is added).
    /// </summary>
    public static string EntityUrl(string serviceRoot, string entitySet, ODataKey key)
    {
        if (string.IsNullOrEmpty(serviceRoot))
        {
            throw new ArgumentException("A service root URL is required.", nameof(serviceRoot));
        }

        if (serviceRoot.IndexOf('?') >= 0 || serviceRoot.IndexOf('#') >= 0)
        {
            throw new ArgumentException("The service root '" + serviceRoot + "' must not have a query or fragment.", nameof(serviceRoot));
        }

        var root = serviceRoot.EndsWith("/", StringComparison.Ordinal) ? serviceRoot : serviceRoot + "/";
        return root + EntityPath(entitySet, key);
    }

    private static void CheckEntitySet(string entitySet)
    {
        if (!ODataLiteral.IsIdentifier(entitySet))
        {
            throw new ArgumentException("'" + entitySet + "' is not a valid entity set name.", nameof(entitySet));
        }
    }
}
