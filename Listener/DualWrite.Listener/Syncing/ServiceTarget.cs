namespace DualWrite.Listener.Syncing;

/// <summary>The services the listener calls; the key of each one's token provider and the name of its HTTP client.</summary>
public static class ServiceTarget
{
    public const string FinOps = "DualWrite.FinOps";
    public const string Dataverse = "DualWrite.Dataverse";

    /// <summary>The HTTP client the token providers use (the grant itself is not retried by the resilience handler).</summary>
    public const string Tokens = "DualWrite.Tokens";
}
