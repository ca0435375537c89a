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
        var resolved = new ResolvedLookups();
        for (var pass = 0; pass < 5; pass++)
        {
            var result = MappingEngine.Map(request(resolved));
            if (!result.Succeeded || result.LookupsToResolve.Count == 0)
            {
                return result;
            }

            foreach (var lookup in result.LookupsToResolve)
            {
                resolved = lookup.Kind == LookupResolutionKind.FindId
                    ? resolved.AddId(lookup.Path, IdOf(lookup.Path, lookup.KeyField))
                    : resolved.AddKeyValue(lookup.Path, _keyValuesByIdPath[lookup.Path]);
            }
        }

        throw new InvalidOperationException("The engine still asks for lookups after five passes.");
    }
}
