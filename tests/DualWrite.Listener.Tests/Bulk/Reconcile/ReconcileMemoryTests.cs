using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Bulk.Lookups;
using DualWrite.Listener.Bulk.Reading;
using DualWrite.Listener.Bulk.Reconcile;
using DualWrite.Listener.Bulk.Writing;
using DualWrite.Listener.Clients.Dataverse;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace DualWrite.Listener.Tests.Bulk.Reconcile;

/// <summary>
/// Reconcile holds two pages per side and one chunk, whatever the row count: the live heap sampled during a run of
/// 10 times the rows stays within a small margin of a run of 1 times (synthetic sides, no network, so only our memory counts).
/// </summary>
public sealed class ReconcileMemoryTests(ITestOutputHelper output)
{
    private static readonly TableMap Items = new(
        1, "Items", null, MapDirection.TwoWay, ConflictPolicy.FinOpsWins,
        new FinOpsTable("Items", new[] { "ItemId" }, null),
        new DataverseTable("dw_items", "dw_item", new[] { "dw_itemnumber" }, null),
        null,
        new[]
        {
            new FieldMap("ItemId", "dw_itemnumber", MapDirection.TwoWay, FieldType.String, FieldType.String),
            new FieldMap("Name", "dw_name", MapDirection.TwoWay, FieldType.String, FieldType.String),
            new FieldMap("Quantity", "dw_quantity", MapDirection.TwoWay, FieldType.Decimal, FieldType.Decimal),
        });

    [Fact]
    public async Task Live_memory_stays_flat_as_the_row_count_grows_tenfold()
    {
        var (small, smallDifferences) = await PeakLiveBytesAsync(20_000);
        var (large, largeDifferences) = await PeakLiveBytesAsync(200_000);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak live heap: 20,000 rows/side {small / 1024} KiB; 200,000 rows/side {large / 1024} KiB; growth {(double)large / small:0.00}x"));

        Assert.Equal(Seeded(20_000), smallDifferences);
        Assert.Equal(Seeded(200_000), largeDifferences);
        Assert.True(large < small * 1.5 + 4 * 1024 * 1024, $"live heap grew from {small} to {large} bytes");
    }

    /// <summary>Rows renamed in Dataverse (every 7th) or missing there (every 11th that is not renamed).</summary>
    private static long Seeded(int rows) => Enumerable.Range(0, rows).Count(i => i % 7 == 0 || i % 11 == 0);

    private static async Task<(long PeakBytes, long Differences)> PeakLiveBytesAsync(int rows)
    {
        var reader = new SyntheticReader(rows);
        using var nowhere = new HttpClient();
        var dataverse = new DataverseClient(nowhere, new Uri("http://127.0.0.1:9/api/data/v9.2/"), TimeProvider.System);
        var lookups = new BulkLookupResolver(dataverse, new LookupIdCache(TimeProvider.System, TimeSpan.FromMinutes(5)), NullLogger<BulkLookupResolver>.Instance);
        var reconciler = new MapReconciler(reader, lookups, new NoWriter());
        await using var report = new DifferenceReportFile(null);
        var result = await reconciler.RunAsync(Items, null, SyncSide.FinOps, fix: false, SourceShape.FinOps(Items, null), SourceShape.Dataverse(Items, null), report, CancellationToken.None);
        Assert.Equal(rows, result.FinOpsRows);
        return (reader.PeakLiveBytes, result.Differences);
    }

    /// <summary>Both sides generated page by page; every 7th Dataverse row has another name, every 11th F&amp;O row is missing in Dataverse.</summary>
    private sealed class SyntheticReader(int rows) : IMapSourceReader
    {
        private const int PageSize = 5000;

        public long PeakLiveBytes { get; private set; }

        public async IAsyncEnumerable<SourcePage> ReadAsync(SourceReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var finOps = request.Side == SyncSide.FinOps;
            var pages = 0;
            for (var start = 0; start < rows; start += PageSize)
            {
                await Task.Yield();
                var page = new List<JsonObject>(PageSize);
                for (var i = start; i < Math.Min(rows, start + PageSize); i++)
                {
                    if (!finOps && i % 11 == 0 && i % 7 != 0)
                    {
                        continue;
                    }

                    var id = "IT-" + i.ToString("D8", CultureInfo.InvariantCulture);
                    var name = "Item " + i.ToString(CultureInfo.InvariantCulture) + (!finOps && i % 7 == 0 ? " (renamed)" : string.Empty);
                    page.Add(finOps
                        ? new JsonObject { ["ItemId"] = id, ["Name"] = name, ["Quantity"] = (decimal)(i % 100) }
                        : new JsonObject { ["dw_itemid"] = Guid.NewGuid().ToString(), ["dw_itemnumber"] = id, ["dw_name"] = name, ["dw_quantity"] = (decimal)(i % 100) });
                }

                // Sample the live heap after the previous pages are let go (every few pages: a full collection is slow).
                if (finOps && ++pages % 4 == 0)
                {
                    PeakLiveBytes = Math.Max(PeakLiveBytes, GC.GetTotalMemory(forceFullCollection: true));
                }

                var keys = finOps ? new[] { new KeyColumn("ItemId", FieldType.String) } : new[] { new KeyColumn("dw_itemnumber", FieldType.String) };
                yield return new SourcePage(page, MapSourceReader.CursorOf(keys, page[^1]));
            }
        }
    }

    private sealed class NoWriter : IBulkWriter
    {
        public Task<BulkWriteResult> WriteAsync(TableMap map, SyncDirection direction, IReadOnlyList<BulkItem> items, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Not fixing.");
    }
}
