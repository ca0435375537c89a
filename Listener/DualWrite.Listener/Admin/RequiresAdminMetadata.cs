namespace DualWrite.Listener.Admin;

/// <summary>Endpoint metadata: the endpoint needs admin access (added by <see cref="AdminRoutes.RequireAdmin{TBuilder}"/>).</summary>
public sealed class RequiresAdminMetadata
{
    public static RequiresAdminMetadata Instance { get; } = new();

    private RequiresAdminMetadata()
    {
    }
}
