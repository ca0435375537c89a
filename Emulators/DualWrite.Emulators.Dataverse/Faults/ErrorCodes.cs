namespace DualWrite.Emulators.Dataverse.Faults;

/// <summary>
/// Dataverse error codes (OrganizationServiceFault.ErrorCode) the engine raises. Values come from the
/// "Web service error codes" reference (learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes);
/// ones marked [unverified] are the closest code found and were not confirmed there.
/// </summary>
public static class ErrorCodes
{
    /// <summary>0x80040217 ObjectDoesNotExist: the record named by id or alternate key is not there.</summary>
    public const int ObjectDoesNotExist = unchecked((int)0x80040217);

    /// <summary>0x80040237 DuplicateRecord: a primary key or alternate key value is already taken.</summary>
    public const int DuplicateRecord = unchecked((int)0x80040237);

    /// <summary>0x80040265 IsvAborted: a plug-in threw InvalidPluginExecutionException.</summary>
    public const int IsvAborted = unchecked((int)0x80040265);

    /// <summary>0x80060882 ConcurrencyVersionMismatch: RowVersion differs from the stored one.</summary>
    public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);

    /// <summary>0x8006088D ConcurrencyVersionNotProvided: IfRowVersionMatches without a RowVersion.</summary>
    public const int ConcurrencyVersionNotProvided = unchecked((int)0x8006088D);

    /// <summary>0x80040203 InvalidArgument: a value of the wrong type, a missing required column, a malformed request.</summary>
    public const int InvalidArgument = unchecked((int)0x80040203);

    /// <summary>0x80041103 QueryBuilderNoAttribute: a column the table does not have.</summary>
    public const int AttributeDoesNotExist = unchecked((int)0x80041103);

    /// <summary>0x80041102 the table is not in the metadata (MetadataCache lookup failed). [unverified]</summary>
    public const int TableDoesNotExist = unchecked((int)0x80041102);

    /// <summary>0x80040224 unexpected exception from a plug-in (an exception other than InvalidPluginExecutionException). [unverified]</summary>
    public const int UnexpectedPluginException = unchecked((int)0x80040224);

    /// <summary>0x80044182 the operation was cancelled as an infinite loop (Depth would pass the limit). [unverified]</summary>
    public const int InfiniteLoopDetected = unchecked((int)0x80044182);

    /// <summary>0x80040251 "There is no active transaction": a plug-in went on after a nested request failed. [unverified]</summary>
    public const int NoActiveTransaction = unchecked((int)0x80040251);

    /// <summary>0x80040216 Unspecified: an unsupported request or feature of this emulator.</summary>
    public const int Unspecified = unchecked((int)0x80040216);
}
