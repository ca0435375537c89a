using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Keys;
using DualWrite.Core.Mapping;

namespace DualWrite.MapValidation.Tests.RoundTrip;

/// <summary>
/// Answers the engine's lookup questions the way Dataverse would: every row addressed by an
/// alternate key has an id, and every id reads back the key value it was found by.
/// </summary>
internal sealed class FakeDataverseDirectory
{
    private readonly Dictionary<string, Guid> _idsByPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keyValuesByIdPath = new(StringComparer.Ordinal);

    /// <summary>The row behind an alternate-key path (<c>accounts(accountnumber='A',...)</c>), remembering the code it was found by.</summary>
    public Guid IdOf(string path, string keyField)
    {
        if (!_idsByPath.TryGetValue(path, out var id))
        {
            id = Guid.NewGuid();
            _idsByPath[path] = id;
            var parsed = ODataKeyParser.ParseEntityPath(path);
            var code = parsed.Key.Parts.Single(part => part.Name == keyField).Value;
            _keyValuesByIdPath[ODataKeyFormatter.EntityPath(parsed.EntitySet, ODataKey.Unnamed(id))] = (string)code;
        }

        return id;
    }

    /// <summary>Maps until no lookup is left to resolve, answering each question as Dataverse would.</summary>
    public MappingResult MapCompletely(Func<ResolvedLookups, MappingRequest> request)
    {
        var loop = new MappingLoop(request(new ResolvedLookups()), maxPasses: 5);
        for (var pending = loop.Map(); pending.Count > 0; pending = loop.Map())
        {
            foreach (var lookup in pending)
            {
                _ = lookup.Kind == LookupResolutionKind.FindId
                    ? loop.Resolved.AddId(lookup.Path, IdOf(lookup.Path, lookup.KeyField))
                    : loop.Resolved.AddKeyValue(lookup.Path, _keyValuesByIdPath[lookup.Path]);
            }
        }

        return loop.Result.Succeeded && loop.Unresolved.Count > 0
            ? throw new InvalidOperationException("The engine still asks for lookups after " + loop.Passes + " passes.")
            : loop.Result;
    }
}
