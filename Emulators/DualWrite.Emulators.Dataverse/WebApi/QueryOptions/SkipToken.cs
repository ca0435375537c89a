using System;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DualWrite.Emulators.Dataverse.WebApi.Faults;

namespace DualWrite.Emulators.Dataverse.WebApi.QueryOptions;

/// <summary>
/// The $skiptoken of @odata.nextLink, shaped like the service's (&lt;cookie pagenumber="2" pagingcookie="..."
/// istracking="False" /&gt;): the next page number and the engine's paging cookie. Opaque to clients.
/// </summary>
public sealed record SkipToken(int PageNumber, string? PagingCookie)
{
    public string Serialize()
        => new XElement(
            "cookie",
            new XAttribute("pagenumber", PageNumber.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("pagingcookie", Uri.EscapeDataString(PagingCookie ?? string.Empty)),
            new XAttribute("istracking", "False")).ToString(SaveOptions.DisableFormatting);

    public static SkipToken Parse(string text)
    {
        try
        {
            var root = XElement.Parse(text);
            var page = int.Parse((string?)root.Attribute("pagenumber") ?? "1", CultureInfo.InvariantCulture);
            var cookie = (string?)root.Attribute("pagingcookie");
            return new SkipToken(page, string.IsNullOrEmpty(cookie) ? null : Uri.UnescapeDataString(cookie));
        }
        catch (Exception ex) when (ex is XmlException or FormatException or OverflowException)
        {
            throw WebApiException.BadRequest("The $skiptoken is not one this service issued.");
        }
    }
}
