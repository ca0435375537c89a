namespace DualWrite.Emulators.FinOps.Validation;

/// <summary>
/// A field whose value must name an existing row of another entity set: the target's key is the
/// value alone (shared tables such as Currencies) or the source row's company plus the value
/// (<paramref name="SameCompany"/>: a customer's group must exist in the customer's company).
/// </summary>
public sealed record ReferenceRule(string EntitySet, string Field, string TargetEntitySet, bool SameCompany);
