namespace DualWrite.Chaos.Ledger;

/// <summary>What the side said: it took the operation, refused it (an answer that is not 2xx), or no answer came (unknown).</summary>
public enum Outcome
{
    Accepted,
    Refused,
    Unknown,
}
