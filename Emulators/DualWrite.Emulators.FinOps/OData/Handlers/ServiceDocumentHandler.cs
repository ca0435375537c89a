using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.OData.Handlers;

/// <summary><c>GET /data/</c>: every entity set by name.</summary>
internal sealed class ServiceDocumentHandler
{
    private readonly FinOpsSchema _schema;

    public ServiceDocumentHandler(FinOpsSchema schema)
    {
        _schema = schema;
    }

    public ODataResponse Handle(ODataRequest request)
    {
        return ODataJsonBody.Write(200, json =>
        {
            json.WriteString("@odata.context", request.ServiceRoot + "$metadata");
            json.WriteStartArray("value");
            foreach (var set in _schema.EntitySets)
            {
                json.WriteStartObject();
                json.WriteString("name", set.Name);
                json.WriteString("kind", "EntitySet");
                json.WriteString("url", set.Name);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }
}
