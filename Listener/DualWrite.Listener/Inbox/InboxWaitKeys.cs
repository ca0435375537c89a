namespace DualWrite.Listener.Inbox;

/// <summary>The keys parked events wait for, besides record keys.</summary>
public static class InboxWaitKeys
{
    /// <summary>Parked events waiting on this key wake when the map is resumed.</summary>
    public static string MapResumed(string mapName) => "map:" + mapName;
}
