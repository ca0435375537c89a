using System;
using System.Globalization;
using DualWrite.Emulators.Dataverse.Faults;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>
/// The faults a row-lock wait ends in, with the codes the service reports (learn.microsoft.com, "Troubleshoot
/// Dataverse bulk operation errors"): a deadlock victim gets the generic SQL error with SQL number 1205, a wait
/// that outlasts the command timeout gets "SQL timeout expired".
/// </summary>
internal static class LockFaults
{
    /// <summary>-2147204784 (0x80044150) Generic SQL error; with SQL number 1205 it is a deadlock.</summary>
    public const int GenericSqlError = unchecked((int)0x80044150);

    /// <summary>-2147204783 (0x80044151) SQL timeout expired.</summary>
    public const int SqlTimeout = unchecked((int)0x80044151);

    public static DataverseFaultException Deadlock(string resource)
        => DataverseFaultException.Create(
            GenericSqlError,
            "Generic SQL error. CRM ErrorCode: -2147204784 Sql ErrorCode: -2146232060 Sql Number: 1205 (this transaction was chosen as the deadlock victim while waiting for " + resource + "; it was rolled back).");

    public static DataverseFaultException Timeout(string resource, TimeSpan waited)
        => DataverseFaultException.Create(
            SqlTimeout,
            string.Create(CultureInfo.InvariantCulture, $"SQL timeout expired. CRM ErrorCode: -2147204783 Sql ErrorCode: -2146232060 Sql Number: -2 (waited {waited.TotalSeconds:0.#} s for {resource}, which another transaction holds)."));
}
