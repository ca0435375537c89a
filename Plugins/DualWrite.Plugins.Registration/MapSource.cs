namespace DualWrite.Plugins.Registration;

/// <summary>One map file's name and text, as read from Shared/maps (or given by a test).</summary>
public sealed class MapSource(string fileName, string json)
{
    public string FileName { get; } = fileName;

    public string Json { get; } = json;
}
