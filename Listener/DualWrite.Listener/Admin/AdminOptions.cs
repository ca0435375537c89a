namespace DualWrite.Listener.Admin;

/// <summary>Who may use the admin API and the dashboard. Section <c>DualWrite:Admin</c>.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "DualWrite:Admin";

    /// <summary>The user name HTTP Basic expects; the password is <see cref="ApiKey"/>.</summary>
    public const string BasicUserName = "admin";

    /// <summary>
    /// The admin key (a secret: set it through <c>DUALWRITE__ADMIN__APIKEY</c>, not in a file). When set, every
    /// <c>/api/*</c> route and the dashboard need <c>Authorization: Bearer KEY</c> or HTTP Basic with user
    /// <c>admin</c> and the key as password. When not set, they answer loopback callers only.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>When true, <c>/metrics</c> and <c>/health/*</c> need the key as well. Default false (scrapers and probes reach them).</summary>
    public bool ProtectMetrics { get; set; }

    public bool HasApiKey => !string.IsNullOrEmpty(ApiKey);
}
