using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// The list type the SDK exposes (entities, columns, conditions). Its constructors are internal in
/// the real SDK, so user code cannot create one directly; keep them internal here too.
/// </summary>
[Serializable]
public class DataCollection<T> : Collection<T>
{
    internal DataCollection()
    {
    }

    internal DataCollection(IList<T> list)
        : base(list)
    {
    }

    /// <summary>Appends several items.</summary>
    public void AddRange(params T[] items)
    {
        AddRange((IEnumerable<T>)items);
    }

    /// <summary>Appends several items.</summary>
    public void AddRange(IEnumerable<T> items)
    {
        if (items == null)
        {
            return;
        }

        foreach (var item in items)
        {
            Add(item);
        }
    }

    /// <summary>Copies the items into a new array.</summary>
    public T[] ToArray()
    {
        var result = new T[Count];
        CopyTo(result, 0);
        return result;
    }
}
