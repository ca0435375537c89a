using System;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Plugins.WriteThrough;

/// <summary>
/// Recognises the integration's own writes: the listener saves with <c>?tag=DualWrite</c>, which the
/// platform hands to plug-ins as <c>SharedVariables["tag"]</c>, on this context or on a parent one (a
/// nested save caused by a tagged one carries it on its parents).
/// </summary>
public static class LoopGuard
{
    public const string TagVariable = "tag";

    /// <summary>How many levels up the tag was found (0 = this context), or -1 when no context carries it.</summary>
    public static int FindTag(IPluginExecutionContext context, string tag)
    {
        var level = 0;
        for (var current = context; current is not null; current = current.ParentContext, level++)
        {
            if (current.SharedVariables is { } shared
                && shared.TryGetValue(TagVariable, out var value)
                && value is string text
                && string.Equals(text, tag, StringComparison.Ordinal))
            {
                return level;
            }

            if (level > 64)
            {
                // The platform nests at most 8 deep; a longer chain is a broken context, not a loop of ours.
                break;
            }
        }

        return -1;
    }
}
