namespace DualWrite.Emulators.Dataverse.Metadata;

/// <summary>Columns every table has and the platform maintains.</summary>
public static class SystemColumns
{
    public const string CreatedOn = "createdon";
    public const string ModifiedOn = "modifiedon";
    public const string VersionNumber = "versionnumber";
    public const string CreatedBy = "createdby";
    public const string ModifiedBy = "modifiedby";
    public const string OwnerId = "ownerid";
    public const string StateCode = "statecode";
    public const string StatusCode = "statuscode";
}
