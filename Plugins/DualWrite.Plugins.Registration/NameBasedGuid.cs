using System;
using System.Security.Cryptography;
using System.Text;

namespace DualWrite.Plugins.Registration;

/// <summary>
/// RFC 9562 version-5 (SHA-1, name-based) UUIDs: the same name always gives the same id, so
/// regenerating the solution changes nothing and re-importing it updates the same components.
/// </summary>
public static class NameBasedGuid
{
    /// <summary>The namespace of every DualWrite solution component id.</summary>
    public static readonly Guid DualWriteNamespace = new("5b0c3f2e-8d1a-4f57-9a61-2d3c7e9b4a10");

    public static Guid Create(string name) => Create(DualWriteNamespace, name);

    public static Guid Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var namespaceBytes = namespaceId.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, namespaceBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what version 5 UUIDs are defined with; this is no security use.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = new byte[16];
        Array.Copy(hash, bytes, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
