using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Keys;
using DualWrite.Core.Ledger;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.Listener.Applying;

/// <summary>Reads and clears the plug-in's write-through ledger (<see cref="WriteThroughLedgerTable"/>) in Dataverse.</summary>
public sealed class WriteThroughLedgerClient
{
    private static readonly string[] Select = [WriteThroughLedgerTable.Id, "createdon"];

    private readonly DataverseClient _dataverse;

    public WriteThroughLedgerClient(DataverseClient dataverse)
    {
        _dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
    }

    /// <summary>The oldest committed row for the F&amp;O record at <paramref name="finOpsPath"/>; null when there is none.</summary>
    public async Task<ODataResult<Guid?>> FindOldestAsync(string finOpsPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finOpsPath);
        var query = new ODataQuery
        {
            Filter = WriteThroughLedgerTable.FinOpsRecord + " eq " + ODataLiteral.Format(finOpsPath),
            Select = Select,
            OrderBy = "createdon asc",
            Top = 1,
        };
        var page = await _dataverse.QueryPageAsync(WriteThroughLedgerTable.EntitySet, query, null, cancellationToken).ConfigureAwait(false);
        if (!page.Succeeded)
        {
            return ODataResult<Guid?>.Failure(page.Error);
        }

        Guid? id = page.Value!.Rows.Count > 0 && page.Value.Rows[0][WriteThroughLedgerTable.Id] is JsonValue value
            && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var parsed) ? parsed : null;
        return ODataResult<Guid?>.Success(id);
    }

    /// <summary>Removes a matched row, so the table holds only write-throughs still to be matched.</summary>
    public Task<ODataResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        _dataverse.DeleteAsync(WriteThroughLedgerTable.EntitySet + "(" + id.ToString("D") + ")", DataverseClient.IntegrationTag, cancellationToken);
}
