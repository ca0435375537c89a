namespace DualWrite.Emulators.Dataverse.WebApi.Faults;

/// <summary>Error codes the Web API layer itself answers with (the engine's faults keep their own codes).</summary>
public static class WebApiErrorCodes
{
    /// <summary>0x80060888: the Web API's code for a malformed URL, unknown segment, property or query option.</summary>
    public const string BadRequest = "0x80060888";

    /// <summary>0x80040237 DuplicateRecord, also used for If-None-Match: * on an existing record.</summary>
    public const string DuplicateRecord = "0x80040237";

    /// <summary>0x80048306 authentication failed (no or an invalid bearer token). [unconfirmed: the docs show the 401 without a body code]</summary>
    public const string Unauthorized = "0x80048306";

    /// <summary>0x80072322 service protection: number of requests in the window exceeded.</summary>
    public const string RequestLimitExceeded = "0x80072322";

    /// <summary>0x80072321 service protection: combined execution time in the window exceeded.</summary>
    public const string ExecutionTimeLimitExceeded = "0x80072321";

    /// <summary>0x80072326 service protection: concurrent requests exceeded.</summary>
    public const string ConcurrencyLimitExceeded = "0x80072326";

    /// <summary>0x80040216 an unexpected error in the emulator.</summary>
    public const string Unexpected = "0x80040216";
}
