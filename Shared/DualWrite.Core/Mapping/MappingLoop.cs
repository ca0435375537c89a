using System;
using System.Collections.Generic;

namespace DualWrite.Core.Mapping;

/// <summary>
/// The map / resolve lookups / map again loop, one pass per <see cref="Map"/> call so that a synchronous caller
/// (the plug-in, through the organization service) and an asynchronous one (the listener, over HTTP) drive the same
/// rules: map with what is known, hand back what is still missing, let the caller add the answers to
/// <see cref="Resolved"/>, map again. The loop stops when nothing is missing, when a pass brought nothing new (the
/// caller could not answer), or after the pass limit; <see cref="Unresolved"/> then names what is still missing.
/// </summary>
public sealed class MappingLoop
{
    private readonly MappingRequest _request;
    private readonly int _maxPasses;
    private readonly bool _findBoundIds;
    private IReadOnlyList<LookupToResolve> _previous = Array.Empty<LookupToResolve>();
    private MappingResult? _result;

    /// <param name="request">The mapping; its <see cref="MappingRequest.Resolved"/> collects the answers between passes.</param>
    /// <param name="maxPasses">How many times at most to map before giving up on what is still missing.</param>
    /// <param name="findBoundIds">
    /// Also ask for the id of every record a Dataverse payload binds to by alternate key. The engine does not need
    /// them; a caller that wants to prove the referenced records exist (and compare lookups by id) does.
    /// </param>
    public MappingLoop(MappingRequest request, int maxPasses, bool findBoundIds = false)
    {
        _request = request ?? throw new ArgumentNullException(nameof(request));
        if (maxPasses < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPasses), maxPasses, "The loop maps at least once.");
        }

        _maxPasses = maxPasses;
        _findBoundIds = findBoundIds;
    }

    /// <summary>Where the caller records its answers before the next <see cref="Map"/>.</summary>
    public ResolvedLookups Resolved => _request.Resolved;

    /// <summary>The last pass's result; throws before the first <see cref="Map"/>.</summary>
    public MappingResult Result => _result ?? throw new InvalidOperationException("Map has not run yet.");

    /// <summary>How many times the record has been mapped.</summary>
    public int Passes { get; private set; }

    /// <summary>What the last pass still needed; empty when nothing is missing.</summary>
    public IReadOnlyList<LookupToResolve> Unresolved { get; private set; } = Array.Empty<LookupToResolve>();

    /// <summary>
    /// Maps once more with every answer known so far. Returns the lookups the caller should answer now; empty when
    /// the loop is over (nothing missing, no progress since the last pass, or the pass limit reached).
    /// </summary>
    public IReadOnlyList<LookupToResolve> Map()
    {
        _result = MappingEngine.Map(_request);
        Passes++;
        var pending = _findBoundIds ? WithBoundIds(_result) : _result.LookupsToResolve;
        Unresolved = pending;
        var stalled = Passes > 1 && SamePaths(pending, _previous);
        _previous = pending;
        return pending.Count == 0 || stalled || Passes >= _maxPasses ? Array.Empty<LookupToResolve>() : pending;
    }

    /// <summary>The engine's lookups, then each bind whose referenced id is not known yet.</summary>
    private static IReadOnlyList<LookupToResolve> WithBoundIds(MappingResult result)
    {
        var pending = new List<LookupToResolve>(result.LookupsToResolve);
        foreach (var field in result.Payload)
        {
            if (!field.IsBind || field.Reference is not { Id: null } reference || !field.Value.TryGetString(out var bind))
            {
                continue;
            }

            // A bind is "/entityset(key)"; the engine may already be asking for the same record.
            var path = bind.TrimStart('/');
            if (pending.Exists(p => string.Equals(p.Path, path, StringComparison.Ordinal)))
            {
                continue;
            }

            var open = path.IndexOf('(');
            var entitySet = open < 0 ? path : path.Substring(0, open);
            var keyField = field.Field?.Lookup?.KeyField ?? string.Empty;
            pending.Add(new LookupToResolve(LookupResolutionKind.FindId, field.Field?.DisplayName ?? field.Name, entitySet, reference.LogicalName, path, keyField, null));
        }

        return pending;
    }

    private static bool SamePaths(IReadOnlyList<LookupToResolve> current, IReadOnlyList<LookupToResolve> previous)
    {
        if (current.Count != previous.Count)
        {
            return false;
        }

        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lookup in previous)
        {
            paths.Add(lookup.Kind + " " + lookup.Path);
        }

        foreach (var lookup in current)
        {
            if (!paths.Contains(lookup.Kind + " " + lookup.Path))
            {
                return false;
            }
        }

        return true;
    }
}
