namespace DualWrite.Listener.Dashboard;

/// <summary>One file of the dashboard as served: its bytes, content type and entity tag.</summary>
public sealed record DashboardAsset(string Name, byte[] Content, string ContentType, string ETag);
