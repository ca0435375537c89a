using System;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>A row by table and id.</summary>
internal readonly record struct RowKey(string Table, Guid Id);
