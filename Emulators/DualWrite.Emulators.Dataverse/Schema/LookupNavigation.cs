namespace DualWrite.Emulators.Dataverse.Schema;

/// <summary>
/// A single-valued navigation property: the name a client binds (<c>msdyn_customergroupid@odata.bind</c>), the
/// lookup column it writes and the table it points at. A polymorphic lookup (customerid) has one per target
/// (customerid_account, customerid_contact) sharing the column.
/// </summary>
public sealed record LookupNavigation(string Name, string Column, string TargetTable);
