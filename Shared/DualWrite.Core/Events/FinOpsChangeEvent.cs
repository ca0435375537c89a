using System;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Events;

/// <summary>
/// The business event F&amp;O sends after a committed create, update or delete of a mapped entity.
/// The standard header fields come first (as every F&amp;O business event carries them); then the
/// event's own fields: the entity set, the operation and the record's key. The event is a hint:
/// consumers read the current record by key rather than trusting a payload that may be stale.
/// </summary>
public sealed class FinOpsChangeEvent
{
    /// <summary>The business event class every DualWrite change event is published under.</summary>
    public const string ChangeEventId = "DualWriteEntityChangedBusinessEvent";

    public FinOpsChangeEvent(
        string eventId,
        long controlNumber,
        DateTime eventTimeUtc,
        string legalEntity,
        string entitySet,
        ChangeOperation operation,
        ODataKey entityKey)
    {
        EventId = eventId ?? throw new ArgumentNullException(nameof(eventId));
        ControlNumber = controlNumber;
        EventTimeUtc = DateTime.SpecifyKind(eventTimeUtc, DateTimeKind.Utc);
        LegalEntity = legalEntity ?? throw new ArgumentNullException(nameof(legalEntity));
        EntitySet = entitySet ?? throw new ArgumentNullException(nameof(entitySet));
        Operation = operation;
        EntityKey = entityKey ?? throw new ArgumentNullException(nameof(entityKey));
    }

    /// <summary><c>BusinessEventId</c>: the event class name.</summary>
    public string BusinessEventId { get; set; } = ChangeEventId;

    /// <summary><c>EventId</c>: a GUID string, the same on every redelivery of one event.</summary>
    public string EventId { get; }

    /// <summary><c>ControlNumber</c>: increases with each event, with gaps; orders events of one record.</summary>
    public long ControlNumber { get; }

    /// <summary><c>EventTime</c>, carried on the wire as <c>/Date(ms)/</c>.</summary>
    public DateTime EventTimeUtc { get; }

    /// <summary><c>BusinessEventLegalEntity</c>: the company (dataAreaId) the change happened in.</summary>
    public string LegalEntity { get; }

    /// <summary>
    /// <c>InitiatingUserAADObjectId</c>: the Entra object id of the user or application whose session made the
    /// change; null when the sender does not say. The listener tells the plug-in's own write-throughs by it.
    /// </summary>
    public Guid? InitiatingUser { get; set; }

    public int MajorVersion { get; set; } = 1;

    public int MinorVersion { get; set; }

    /// <summary><c>EntitySet</c>: the public collection name, <c>CustomersV3</c>.</summary>
    public string EntitySet { get; }

    /// <summary><c>Operation</c>: Create, Update or Delete.</summary>
    public ChangeOperation Operation { get; }

    /// <summary><c>EntityKey</c>: the full key, dataAreaId first, as an OData key predicate.</summary>
    public ODataKey EntityKey { get; }

    /// <summary>
    /// <c>ContextRecordSubject</c>: the record's OData path, <c>CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')</c>.
    /// Also the ordering key: events with the same subject are applied in ControlNumber order.
    /// </summary>
    public string ContextRecordSubject => EntitySet + EntityKey.ToPredicate();
}
