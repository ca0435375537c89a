using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Admin;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Conflicts;
using DualWrite.Listener.Processing;
using DualWrite.Listener.Syncing;
using DualWrite.Listener.Tests.Applying;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DualWrite.Listener.Tests.Conflicts;

/// <summary>Resolving a conflict held for review, each way, against both emulators.</summary>
public sealed class ConflictOperationsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Take_fno_writes_FinOps_values_to_Dataverse_and_marks_the_conflict_resolved()
    {
        await using var harness = await StartWithConflictAsync();
        var (operations, id) = await OperationsAsync(harness);

        var resolved = await operations.ResolveAsync(id, ConflictTake.FinOps, None);

        Assert.True(resolved.Succeeded, resolved.Detail);
        Assert.Equal("take fno", resolved.Value!.Resolution);
        Assert.NotNull(resolved.Value.ResolvedAt);
        Assert.Equal("From FinOps", (await harness.AccountAsync())!["description"]!.GetValue<string>());
        Assert.Equal("From FinOps", await FinOpsValueAsync(harness, "SalesMemo"));
        Assert.Empty(await harness.Stores.Conflicts.GetOpenConflictsAsync(10, None));
    }

    [Fact]
    public async Task Take_dataverse_writes_Dataverse_values_to_FinOps()
    {
        await using var harness = await StartWithConflictAsync();
        var (operations, id) = await OperationsAsync(harness);

        var resolved = await operations.ResolveAsync(id, ConflictTake.Dataverse, None);

        Assert.True(resolved.Succeeded, resolved.Detail);
        Assert.Equal("take dataverse", resolved.Value!.Resolution);
        Assert.Equal("From Dataverse", await FinOpsValueAsync(harness, "SalesMemo"));
        Assert.Equal("From Dataverse", (await harness.AccountAsync())!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Merged_keeps_both_sides_changes_and_a_field_both_changed_keeps_Dataverse()
    {
        await using var harness = await StartWithConflictAsync(finOpsAlsoChanges: new JsonObject { ["CreditLimit"] = 4321 });
        var (operations, id) = await OperationsAsync(harness);

        var resolved = await operations.ResolveAsync(id, ConflictTake.Merged, None);

        Assert.True(resolved.Succeeded, resolved.Detail);
        var account = (await harness.AccountAsync())!;
        Assert.Equal("From Dataverse", account["description"]!.GetValue<string>());
        Assert.Equal(4321m, account["creditlimit"]!.GetValue<decimal>());
        Assert.Equal("From Dataverse", await FinOpsValueAsync(harness, "SalesMemo"));
    }

    [Fact]
    public async Task A_resolved_conflict_cannot_be_resolved_again_and_unknown_ids_are_not_found()
    {
        await using var harness = await StartWithConflictAsync();
        var (operations, id) = await OperationsAsync(harness);
        await operations.ResolveAsync(id, ConflictTake.FinOps, None);

        var again = await operations.ResolveAsync(id, ConflictTake.Dataverse, None);
        var unknown = await operations.ShowAsync(id + 100, None);
        var shown = await operations.ShowAsync(id, None);

        Assert.Equal(OperationProblemKind.Conflict, again.Problem);
        Assert.Contains("Customers V3", again.Detail, StringComparison.Ordinal);
        Assert.Equal(OperationProblemKind.NotFound, unknown.Problem);
        Assert.Equal("From FinOps", shown.Value!.FinOps!["SalesMemo"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_the_services_conflicts_list_and_show_but_resolving_says_what_is_missing()
    {
        await using var harness = await StartWithConflictAsync();
        var operations = new ConflictOperations(harness.Stores.Conflicts, new MapCatalog(MapSource.Load(null)), null, NullLogger<ConflictOperations>.Instance);
        var listed = Assert.Single((await operations.ListAsync(10, None)).Value!);

        var resolved = await operations.ResolveAsync(listed.Id, ConflictTake.FinOps, None);

        Assert.Equal(OperationProblemKind.Failed, resolved.Problem);
        Assert.Contains("--url", resolved.Detail, StringComparison.Ordinal);
    }

    private static async Task<ApplierHarness> StartWithConflictAsync(JsonObject? finOpsAlsoChanges = null)
    {
        var harness = await ApplierHarness.StartAsync(json => json.Replace("\"conflictPolicy\": \"FieldMerge\"", "\"conflictPolicy\": \"ManualReview\"", StringComparison.Ordinal));
        Assert.Equal(ApplyOutcomeKind.Applied, (await harness.Applier.ApplyAsync(harness.CustomerEvent(), None)).Kind);
        await harness.UpdateAccountAsync(new JsonObject { ["description"] = "From Dataverse" });
        var finOpsChanges = finOpsAlsoChanges ?? new JsonObject();
        finOpsChanges["SalesMemo"] = "From FinOps";
        await harness.UpdateFinOpsAsync(ApplierHarness.Customer, finOpsChanges);
        Assert.Equal(ApplyOutcomeKind.Skipped, (await harness.Applier.ApplyAsync(harness.CustomerEvent(), None)).Kind);
        return harness;
    }

    private static async Task<(ConflictOperations Operations, long Id)> OperationsAsync(ApplierHarness harness)
    {
        var writer = new ConflictWriter(harness.Applier, harness.FinOps, harness.Dataverse, TimeProvider.System);
        var operations = new ConflictOperations(harness.Stores.Conflicts, new MapCatalog(MapSource.Load(null)), writer, NullLogger<ConflictOperations>.Instance);
        var open = Assert.Single((await operations.ListAsync(10, None)).Value!);
        Assert.Equal("Customers V3", open.Map);
        return (operations, open.Id);
    }

    private static async Task<string?> FinOpsValueAsync(ApplierHarness harness, string field)
    {
        var read = await harness.FinOps.GetAsync(ApplierHarness.Customer, null, None);
        return read.Value![field]?.GetValue<string>();
    }
}
