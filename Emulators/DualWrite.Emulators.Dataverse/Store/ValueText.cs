using System;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>Readable, culture-invariant text of an attribute value for messages and snapshots.</summary>
internal static class ValueText
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        EntityReference r => $"{r.LogicalName}({r.Id})",
        Money m => "Money(" + m.Value.ToString(CultureInfo.InvariantCulture) + ")",
        OptionSetValue o => "Option(" + o.Value.ToString(CultureInfo.InvariantCulture) + ")",
        OptionSetValueCollection c => "Options(" + string.Join(",", c.Select(o => o.Value.ToString(CultureInfo.InvariantCulture))) + ")",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        byte[] b => "bytes(" + Convert.ToBase64String(b) + ")",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
