using System;
using System.Collections.Generic;
using System.Linq;

namespace DualWrite.Listener.Secrets;

/// <summary>
/// Finds settings that are secrets among command-line tokens (<c>--Section:Key=value</c>, <c>--Section:Key value</c>,
/// <c>/Section:Key=value</c>): every user of the machine can read a process's command line (<c>ps</c>, /proc).
/// </summary>
public static class CommandLineSecrets
{
    /// <summary>The secret keys among <paramref name="tokens"/>, without their values.</summary>
    public static IReadOnlyList<string> KeysIn(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var keys = new List<string>();
        foreach (var token in tokens)
        {
            var name = token.StartsWith("--", StringComparison.Ordinal) ? token[2..]
                : token.StartsWith('/') || token.StartsWith('-') ? token[1..]
                : null;
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            var equals = name.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? name : name[..equals];
            if (SecretSettingNames.IsSecret(key) && !keys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>
    /// The secret keys in <paramref name="args"/> that this process really got on its command line
    /// (<see cref="Environment.GetCommandLineArgs"/>); arguments a host passes in-process are not visible to others.
    /// </summary>
    public static IReadOnlyList<string> KeysOnProcessCommandLine(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var process = new HashSet<string>(Environment.GetCommandLineArgs(), StringComparer.Ordinal);
        return KeysIn(args.Where(process.Contains));
    }
}
