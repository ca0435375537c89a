namespace DualWrite.Core.Mapping;

public enum LookupResolutionKind
{
    /// <summary>Find the id of the Dataverse record with this alternate key (a key part or bind needs it).</summary>
    FindId,

    /// <summary>Read the alternate-key column of the Dataverse record with this id (F&amp;O needs the code).</summary>
    ReadKeyValue,
}
