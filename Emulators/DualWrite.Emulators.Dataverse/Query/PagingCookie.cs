using System;
using System.Globalization;
using System.Xml.Linq;

namespace DualWrite.Emulators.Dataverse.Query;

/// <summary>
/// The paging cookie: the page it ends and the first and last record ids of that page, in the platform's
/// &lt;cookie page="n"&gt;&lt;table-id last="{id}" first="{id}" /&gt;&lt;/cookie&gt; shape.
/// The next page starts after the "last" record.
/// </summary>
internal sealed record PagingCookie(int Page, string IdAttribute, Guid First, Guid Last)
{
    public string Serialize()
        => new XElement(
            "cookie",
            new XAttribute("page", Page.ToString(CultureInfo.InvariantCulture)),
            new XElement(IdAttribute, new XAttribute("last", Last.ToString("B").ToUpperInvariant()), new XAttribute("first", First.ToString("B").ToUpperInvariant())))
            .ToString(SaveOptions.DisableFormatting);

    /// <summary>The cookie, or null when the text is not one this engine wrote (the caller then pages by number).</summary>
    public static PagingCookie? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var root = XElement.Parse(text);
            var page = int.Parse((string?)root.Attribute("page") ?? "0", CultureInfo.InvariantCulture);
            var idElement = root.FirstNode as XElement;
            if (idElement is null
                || !Guid.TryParse((string?)idElement.Attribute("last"), out var last)
                || !Guid.TryParse((string?)idElement.Attribute("first"), out var first))
            {
                return null;
            }

            return new PagingCookie(page, idElement.Name.LocalName, first, last);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
