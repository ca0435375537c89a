using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>The /data/$metadata document, written from the model read from fno.xml (so it is the schema the emulator enforces).</summary>
public static class MetadataDocument
{
    public static byte[] Write(IEdmModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            if (!CsdlWriter.TryWriteCsdl(model, xml, CsdlTarget.OData, out IEnumerable<EdmError> errors))
            {
                throw new InvalidOperationException("The F&O model cannot be written as CSDL: " + string.Join("; ", errors.Select(e => e.ToString())));
            }
        }

        return buffer.ToArray();
    }
}
