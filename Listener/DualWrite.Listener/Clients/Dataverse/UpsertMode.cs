namespace DualWrite.Listener.Clients.Dataverse;

/// <summary>How a PATCH by key behaves when the record exists or not (Web API conditional headers).</summary>
public enum UpsertMode
{
    /// <summary>No condition: update when it exists, create when it does not.</summary>
    CreateOrUpdate,

    /// <summary><c>If-Match: *</c>: update only; a missing record answers 404.</summary>
    UpdateOnly,

    /// <summary><c>If-None-Match: *</c>: create only; an existing record answers 412.</summary>
    CreateOnly,
}
