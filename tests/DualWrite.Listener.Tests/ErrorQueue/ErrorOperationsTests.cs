using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Admin;
using DualWrite.Listener.ErrorQueue;
using DualWrite.Listener.Processing;
using DualWrite.Listener.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace DualWrite.Listener.Tests.ErrorQueue;

/// <summary>The error queue through a running listener (inbox, worker, a scripted applier): retry keeps the record's order.</summary>
public sealed class ErrorOperationsTests : IAsyncLifetime
{
    private const string Map = "Customers V3";
    private readonly TempDirectory directory = new();
    private readonly RecordingApplier applier = new();
    private volatile bool failing = true;
    private ListenerTestHost host = null!;

    private ErrorOperations Operations => host.Services.GetRequiredService<ErrorOperations>();

    public async Task InitializeAsync()
    {
        applier.Decide = (e, _) => Task.FromResult(failing && e.ControlNumber == 1
            ? ApplyOutcome.Failed("Dataverse refused the write: 400 creditlimit: value -5 is below the minimum 0.")
            : ApplyOutcome.Applied);
        host = await ListenerTestHost.StartAsync(directory.Path, services: services =>
        {
            services.AddSingleton<IChangeApplier>(applier);
            services.AddErrorQueueOperations(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        directory.Dispose();
    }

    [Fact]
    public async Task A_failed_event_is_listed_with_map_key_full_reason_and_attempts()
    {
        await host.PostAsync(TestEvents.Customer("C1", 1));

        var entry = await OpenEntryAsync();

        Assert.Equal(ErrorSource.Event, entry.Source);
        Assert.Equal(Map, entry.Map);
        Assert.Equal("FinOpsToDataverse", entry.Direction);
        Assert.Equal(TestEvents.CustomerKey("C1"), entry.Key);
        Assert.Contains("below the minimum 0", entry.Reason, StringComparison.Ordinal);
        Assert.Equal(1, entry.Attempts);
        Assert.Equal(entry.FirstFailureAt, entry.LastFailureAt);
        var byMap = await Operations.ListAsync(Map, 10, includeSettled: false, CancellationToken.None);
        Assert.Single(byMap.Value!);
    }

    [Fact]
    public async Task A_retried_event_goes_back_in_order_and_the_later_event_of_its_record_waits_for_it()
    {
        await host.PostAsync(TestEvents.Customer("C1", 1));
        var entry = await OpenEntryAsync();
        await host.PostAsync(TestEvents.Customer("C1", 2));
        await Task.Delay(500);
        Assert.Empty(applier.AppliedOrder(TestEvents.CustomerKey("C1")));
        Assert.Equal(1, (await Operations.ShowAsync(entry.Id, CancellationToken.None)).Value!.BlockedEvents);

        failing = false;
        var retried = await Operations.RetryAsync(entry.Id, CancellationToken.None);

        Assert.True(retried.Succeeded, retried.Detail);
        Assert.Equal(ErrorEntryStatus.Retrying, retried.Value!.Status);
        await Eventually.TrueAsync(() => applier.AppliedOrder(TestEvents.CustomerKey("C1")).Count == 2, "both events applied");
        Assert.Equal([1L, 2L], applier.AppliedOrder(TestEvents.CustomerKey("C1")));
        var settled = await Operations.ShowAsync(entry.Id, CancellationToken.None);
        Assert.Equal(ErrorEntryStatus.Resolved, settled.Value!.Status);
        Assert.Equal("Applied after a retry", settled.Value.Resolution);
        Assert.Empty((await Operations.ListAsync(null, 10, false, CancellationToken.None)).Value!);
    }

    [Fact]
    public async Task A_retry_that_fails_again_reopens_the_entry_with_the_attempts_added()
    {
        await host.PostAsync(TestEvents.Customer("C1", 1));
        var entry = await OpenEntryAsync();

        await Operations.RetryAsync(entry.Id, CancellationToken.None);

        await Eventually.TrueAsync(
            async () => (await Operations.ShowAsync(entry.Id, CancellationToken.None)).Value!.Status == ErrorEntryStatus.Open,
            "the entry open again");
        var again = (await Operations.ShowAsync(entry.Id, CancellationToken.None)).Value!;
        Assert.Equal(2, again.Attempts);
        Assert.True(again.LastFailureAt >= again.FirstFailureAt);
    }

    [Fact]
    public async Task Discard_skips_the_event_keeps_the_reason_and_lets_the_later_event_through()
    {
        await host.PostAsync(TestEvents.Customer("C1", 1));
        var entry = await OpenEntryAsync();
        await host.PostAsync(TestEvents.Customer("C1", 2));

        var discarded = await Operations.DiscardAsync(entry.Id, "bad data entered in F&O, fixed by hand", CancellationToken.None);

        Assert.True(discarded.Succeeded, discarded.Detail);
        Assert.Equal(ErrorEntryStatus.Discarded, discarded.Value!.Status);
        Assert.Equal("bad data entered in F&O, fixed by hand", discarded.Value.Resolution);
        await Eventually.TrueAsync(() => applier.AppliedOrder(TestEvents.CustomerKey("C1")).Count == 1, "the later event applied");
        Assert.Equal([2L], applier.AppliedOrder(TestEvents.CustomerKey("C1")));
        var twice = await Operations.DiscardAsync(entry.Id, null, CancellationToken.None);
        Assert.Equal(OperationProblemKind.Conflict, twice.Problem);
    }

    [Fact]
    public async Task A_bulk_record_error_is_retried_as_a_change_event_of_its_record_queued_behind_its_events()
    {
        failing = false;
        await host.ErrorQueue.AddRecordErrorsAsync(
            [new RecordError("run-1", Map, "FinOpsToDataverse", "usmf/C7", "CreditLimit", "creditlimit: value -5 is below the minimum 0.", 400, DateTimeOffset.UtcNow)],
            CancellationToken.None);
        await host.PostAsync(TestEvents.Customer("C7", 40));
        var recordKey = TestEvents.CustomerKey("C7");
        await Eventually.TrueAsync(() => applier.AppliedOrder(recordKey).Count == 1, "the live event applied");
        var entry = (await Operations.ListAsync(Map, 10, false, CancellationToken.None)).Value!.Single();
        Assert.Equal(ErrorSource.Bulk, entry.Source);
        Assert.Null(entry.EventId);

        var retried = await Operations.RetryAsync(entry.Id, CancellationToken.None);

        Assert.True(retried.Succeeded, retried.Detail);
        var queued = await host.Store.GetEventAsync(retried.Value!.EventId!, CancellationToken.None);
        Assert.Equal(recordKey, queued!.RecordKey);
        Assert.Equal(41, queued.ControlNumber);
        await Eventually.TrueAsync(() => applier.AppliedOrder(recordKey).Count == 2, "the retried record applied");
        Assert.Equal(ErrorEntryStatus.Resolved, (await Operations.ShowAsync(entry.Id, CancellationToken.None)).Value!.Status);
    }

    [Fact]
    public async Task The_same_record_failing_in_a_later_bulk_run_counts_on_its_open_entry()
    {
        var error = new RecordError("run-1", Map, "FinOpsToDataverse", "usmf/C8", null, "first reason", 400, DateTimeOffset.UtcNow);
        await host.ErrorQueue.AddRecordErrorsAsync([error], CancellationToken.None);
        await Operations.RefreshAsync(CancellationToken.None);
        await host.ErrorQueue.AddRecordErrorsAsync([error with { RunId = "run-2", Reason = "second reason" }], CancellationToken.None);

        var entry = (await Operations.ListAsync(Map, 10, false, CancellationToken.None)).Value!.Single();

        Assert.Equal(2, entry.Attempts);
        Assert.Equal("second reason", entry.Reason);
    }

    [Fact]
    public async Task Retry_by_map_and_all_send_back_every_open_entry_and_unknown_names_are_named()
    {
        failing = false;
        await host.ErrorQueue.AddRecordErrorsAsync(
            [
                new RecordError("run-1", Map, "FinOpsToDataverse", "usmf/D1", null, "reason", 400, DateTimeOffset.UtcNow),
                new RecordError("run-1", Map, "FinOpsToDataverse", "usmf/D2", null, "reason", 400, DateTimeOffset.UtcNow),
            ],
            CancellationToken.None);

        var unknown = await Operations.RetryManyAsync("Nope", CancellationToken.None);
        var all = await Operations.RetryManyAsync(null, CancellationToken.None);

        Assert.Equal(OperationProblemKind.NotFound, unknown.Problem);
        Assert.Contains("Customers V3", unknown.Detail, StringComparison.Ordinal);
        Assert.Equal(2, all.Value!.Retried.Count);
        Assert.Empty(all.Value.NotRetried);
        await Eventually.TrueAsync(async () => (await Operations.ListAsync(null, 10, false, CancellationToken.None)).Value!.Count == 0, "both resolved");
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        Assert.Equal(OperationProblemKind.NotFound, (await Operations.ShowAsync(999, CancellationToken.None)).Problem);
        Assert.Equal(OperationProblemKind.NotFound, (await Operations.RetryAsync(999, CancellationToken.None)).Problem);
        Assert.Equal(OperationProblemKind.NotFound, (await Operations.DiscardAsync(999, null, CancellationToken.None)).Problem);
    }

    private async Task<ErrorEntry> OpenEntryAsync()
    {
        ErrorEntry? found = null;
        await Eventually.TrueAsync(
            async () =>
            {
                found = (await Operations.ListAsync(null, 10, false, CancellationToken.None)).Value!.FirstOrDefault(e => e.Status == ErrorEntryStatus.Open);
                return found is not null;
            },
            "an open error entry");
        return found!;
    }
}
