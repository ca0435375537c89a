using System;
using System.Collections.Concurrent;

namespace DualWrite.Listener.Applying;

/// <summary>
/// Dataverse ids found by alternate key (<c>cdm_companies(cdm_companycode='USMF')</c> → id), kept for a
/// while: companies and groups hardly change, and every record of a company needs the company's id.
/// A miss is never cached: the record may arrive any moment.
/// </summary>
public sealed class LookupIdCache
{
    private readonly ConcurrentDictionary<string, (Guid Id, DateTimeOffset Expires)> _ids = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _duration;

    public LookupIdCache(TimeProvider timeProvider, TimeSpan duration)
    {
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _duration = duration;
    }

    public bool TryGet(string path, out Guid id)
    {
        if (_ids.TryGetValue(path, out var entry) && entry.Expires > _time.GetUtcNow())
        {
            id = entry.Id;
            return true;
        }

        id = Guid.Empty;
        return false;
    }

    public void Set(string path, Guid id) => _ids[path] = (id, _time.GetUtcNow() + _duration);

    /// <summary>Forgets an id (the record was deleted: a write binding to it failed).</summary>
    public void Remove(string path) => _ids.TryRemove(path, out _);
}
