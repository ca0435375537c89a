namespace DualWrite.Chaos.Records;

/// <summary>The tables the run changes: customers (accounts), vendor contacts (contacts) and customer groups.</summary>
public enum ChaosEntity
{
    Customer,
    Contact,
    CustomerGroup,
}
