namespace DualWrite.Core.Filters;

/// <summary>
/// A node of a parsed filter. Nodes are immutable; <see cref="Position"/> is the 1-based character
/// position in the filter text where the node starts (0 for nodes built in code), for error messages.
/// </summary>
public abstract class FilterNode
{
    private protected FilterNode(int position)
    {
        Position = position;
    }

    public int Position { get; }

    /// <summary>Canonical OData text of this node (see <see cref="FilterPrinter"/>).</summary>
    public override string ToString() => FilterPrinter.Print(this);
}
