using System;

namespace DualWrite.Core.Keys;

/// <summary>
/// The outcome of building a key from a record: the key and its entity path, or a message naming the
/// entity set and the key field that is missing or unusable. A missing key value is an expected
/// failure (bad data), so it is a value here, not an exception.
/// </summary>
public sealed class KeyResult
{
    private KeyResult(string entitySet, ODataKey? key, string? error, string? field)
    {
        EntitySet = entitySet;
        Key = key;
        Error = error;
        Field = field;
    }

    public bool IsSuccess => Key is not null;

    public string EntitySet { get; }

    /// <summary>The key, when <see cref="IsSuccess"/>.</summary>
    public ODataKey? Key { get; }

    /// <summary>What went wrong, naming the entity set and field, when not <see cref="IsSuccess"/>.</summary>
    public string? Error { get; }

    /// <summary>The key field that was missing or unusable, when one was.</summary>
    public string? Field { get; }

    /// <summary>The URL-escaped entity path, e.g. <c>CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>.</summary>
    public string Path => Key is not null
        ? ODataKeyFormatter.EntityPath(EntitySet, Key)
        : throw new InvalidOperationException("No key: " + Error);

    public static KeyResult Success(string entitySet, ODataKey key) =>
        new(entitySet, key ?? throw new ArgumentNullException(nameof(key)), null, null);

    public static KeyResult Failure(string entitySet, string error, string? field) =>
        new(entitySet, null, error ?? throw new ArgumentNullException(nameof(error)), field);
}
