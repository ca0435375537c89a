namespace DualWrite.Emulators.FinOps.OData.Routing;

/// <summary>What an F&amp;O /data path addresses.</summary>
public enum ODataRouteKind
{
    /// <summary><c>/data/</c>: the list of entity sets.</summary>
    ServiceDocument,

    /// <summary><c>/data/$metadata</c>: the CSDL.</summary>
    Metadata,

    /// <summary><c>POST /data/$batch</c>, only as a request of its own (never a part of another batch).</summary>
    Batch,

    /// <summary><c>/data/CustomersV3</c>.</summary>
    Collection,

    /// <summary><c>/data/CustomersV3/$count</c>.</summary>
    Count,

    /// <summary><c>/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>.</summary>
    Entity,
}
