using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// The keyed collection behind attributes, parameters and images. Deliberately NOT an
/// <see cref="IDictionary{TKey,TValue}"/>: the real SDK type is not one, so code that relied on
/// dictionary interfaces here would fail to compile against the real assembly.
/// </summary>
[Serializable]
public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>, IEnumerable
{
    private readonly IDictionary<TKey, TValue> _items;

    /// <summary>Creates an empty collection; only SDK types (and their subclasses) may.</summary>
    protected internal DataCollection()
    {
        _items = new Dictionary<TKey, TValue>();
    }

    /// <summary>Wraps an existing dictionary, as the SDK does for derived collections.</summary>
    protected internal DataCollection(IDictionary<TKey, TValue> collection)
    {
        _items = collection ?? throw new ArgumentNullException(nameof(collection));
    }

    /// <summary>Number of entries.</summary>
    public int Count => _items.Count;

    /// <summary>The keys, in insertion order where the store keeps it.</summary>
    public ICollection<TKey> Keys => _items.Keys;

    /// <summary>The values.</summary>
    public ICollection<TValue> Values => _items.Values;

    /// <summary>True once the platform has frozen the collection; only the SDK (and the in-memory
    /// platform, through InternalsVisibleTo) may set it.</summary>
    public virtual bool IsReadOnly { get; internal set; }

    /// <summary>Gets a value (a missing key throws <see cref="KeyNotFoundException"/>) or adds or
    /// replaces one.</summary>
    public virtual TValue this[TKey key]
    {
        get => _items[key];
        set
        {
            CheckIsReadOnly();
            _items[key] = value;
        }
    }

    /// <summary>Adds an entry; a duplicate key throws.</summary>
    public void Add(KeyValuePair<TKey, TValue> item)
    {
        CheckIsReadOnly();
        _items.Add(item);
    }

    /// <summary>Adds an entry; a duplicate key throws.</summary>
    public void Add(TKey key, TValue value)
    {
        CheckIsReadOnly();
        _items.Add(key, value);
    }

    /// <summary>Adds several entries.</summary>
    public void AddRange(params KeyValuePair<TKey, TValue>[] items)
    {
        AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);
    }

    /// <summary>Adds several entries.</summary>
    public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
    {
        if (items == null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        CheckIsReadOnly();
        foreach (var item in items)
        {
            _items.Add(item);
        }
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        CheckIsReadOnly();
        _items.Clear();
    }

    /// <summary>Whether the key is present.</summary>
    public bool Contains(TKey key) => _items.ContainsKey(key);

    /// <summary>Whether this exact key and value pair is present.</summary>
    public bool Contains(KeyValuePair<TKey, TValue> key) => _items.Contains(key);

    /// <summary>Whether the key is present.</summary>
    public bool ContainsKey(TKey key) => _items.ContainsKey(key);

    /// <summary>Reads a value without throwing for a missing key.</summary>
    public bool TryGetValue(TKey key, out TValue value) => _items.TryGetValue(key, out value);

    /// <summary>Copies the entries into an array.</summary>
    public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    /// <summary>Removes a key; returns whether it was present.</summary>
    public bool Remove(TKey key)
    {
        CheckIsReadOnly();
        return _items.Remove(key);
    }

    /// <summary>Removes this exact key and value pair; returns whether it was present.</summary>
    public bool Remove(KeyValuePair<TKey, TValue> item)
    {
        CheckIsReadOnly();
        return _items.Remove(item);
    }

    /// <summary>Enumerates the entries.</summary>
    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void CheckIsReadOnly()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException("The collection is read-only.");
        }
    }
}
