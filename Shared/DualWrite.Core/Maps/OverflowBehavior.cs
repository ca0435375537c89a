namespace DualWrite.Core.Maps;

/// <summary>What a max-length transform does with a longer value.</summary>
public enum OverflowBehavior
{
    /// <summary>Report an error naming the value: nothing is lost silently.</summary>
    Error,

    /// <summary>Cut the value to the maximum length (not invertible).</summary>
    Truncate,
}
