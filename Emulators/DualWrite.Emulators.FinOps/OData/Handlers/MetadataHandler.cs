using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.OData.Handlers;

/// <summary><c>GET /data/$metadata</c>: the CSDL, written once from the schema.</summary>
internal sealed class MetadataHandler
{
    private readonly byte[] _metadata;

    public MetadataHandler(FinOpsSchema schema)
    {
        _metadata = MetadataDocument.Write(schema.Model);
    }

    public ODataResponse Handle() => new(200, _metadata, "application/xml");
}
