using System;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>
/// Who issues a request and from where: a top-level caller (Depth 1, no transaction) or plug-in code
/// (Depth + 1, its context as parent, its transaction when synchronous).
/// </summary>
internal sealed record ExecutionCaller
{
    public required Guid UserId { get; init; }

    public required Guid InitiatingUserId { get; init; }

    /// <summary>The depth the request runs at.</summary>
    public required int Depth { get; init; }

    public required Guid CorrelationId { get; init; }

    public PluginExecutionContext? ParentContext { get; init; }

    /// <summary>The open transaction to join; null starts a new one for a write.</summary>
    public ActiveTransaction? Transaction { get; init; }

    /// <summary>Tag of an enclosing message (Upsert's inner Create, ExecuteMultiple's items).</summary>
    public string? InheritedTag { get; init; }

    /// <summary>Bypass of an enclosing message, so its inner messages run no plug-ins either.</summary>
    public bool InheritedBypass { get; init; }
}
