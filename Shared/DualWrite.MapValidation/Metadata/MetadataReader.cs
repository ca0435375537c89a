using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace DualWrite.MapValidation.Metadata;

/// <summary>Reads a CSDL $metadata document from a file path or an http(s) URL.</summary>
public static class MetadataReader
{
    public static bool IsUrl(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The document's text; a URL is fetched with <paramref name="http"/> (which carries any authentication).</summary>
    public static async Task<string> ReadTextAsync(string location, HttpClient? http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!IsUrl(location))
        {
            return await File.ReadAllTextAsync(location, cancellationToken).ConfigureAwait(false);
        }

        if (http is null)
        {
            using var client = new HttpClient();
            return await client.GetStringAsync(new Uri(location), cancellationToken).ConfigureAwait(false);
        }

        return await http.GetStringAsync(new Uri(location), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses CSDL text; on failure returns null and the reader's errors as messages.</summary>
    public static ServiceSchema? Parse(ServiceSide side, string location, string text, out IReadOnlyList<string> errors)
    {
        using var stringReader = new StringReader(text);
        using var xmlReader = XmlReader.Create(stringReader, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        try
        {
            if (CsdlReader.TryParse(xmlReader, out IEdmModel model, out IEnumerable<EdmError> parseErrors))
            {
                errors = Array.Empty<string>();
                return new ServiceSchema(side, location, model);
            }

            errors = parseErrors.Select(error => error.ToString()).ToList();
            return null;
        }
        catch (XmlException exception)
        {
            errors = new[] { exception.Message };
            return null;
        }
    }
}
