namespace DualWrite.Listener.Tests.Security;

/// <summary>Tests that redirect the process's console run alone, so they capture only their own output.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCaptureCollection
{
    public const string Name = "Console capture";
}
