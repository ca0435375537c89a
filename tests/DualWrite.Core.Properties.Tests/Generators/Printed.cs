using System.Globalization;
using System.Text;

namespace DualWrite.Core.Properties.Tests.Generators;

/// <summary>Counterexamples as C# literals, so a control character or a lone surrogate is visible and can be pasted into a regression test.</summary>
internal static class Printed
{
    public static string Literal(string? text)
    {
        if (text is null)
        {
            return "null";
        }

        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (c < 0x20 || c > 0x7e)
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append('"').ToString();
    }
}
