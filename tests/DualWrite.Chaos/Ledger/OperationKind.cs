namespace DualWrite.Chaos.Ledger;

public enum OperationKind
{
    Create,
    Update,
    Delete,
}
