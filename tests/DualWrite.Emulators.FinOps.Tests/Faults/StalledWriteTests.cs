using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using DualWrite.Emulators.FinOps.Tests.Support;

namespace DualWrite.Emulators.FinOps.Tests.Faults;

public sealed class StalledWriteTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_stalled_write_times_the_caller_out_and_when_dropped_changes_nothing()
    {
        _harness.Control.Faults.StallNextWrites(1, TimeSpan.FromSeconds(2), thenProcess: false);
        using var impatient = new HttpClient { BaseAddress = _harness.Http.BaseAddress, Timeout = TimeSpan.FromMilliseconds(500) };
        foreach (var header in _harness.Http.DefaultRequestHeaders)
        {
            impatient.DefaultRequestHeaders.TryAddWithoutValidation(header.Key, header.Value);
        }

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.PatchAsync("CustomerGroups(dataAreaId='usmf',CustomerGroupId='10')", HttpJson.Body("""{"Description":"stalled"}""")));
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var group = await _harness.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("CustomerGroups(dataAreaId='usmf',CustomerGroupId='10')");
        Assert.NotEqual("stalled", group!["Description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stalled_write_told_to_run_lands_after_the_caller_gave_up()
    {
        _harness.Control.Faults.StallNextWrites(1, TimeSpan.FromSeconds(1), thenProcess: true);
        using var impatient = new HttpClient { BaseAddress = _harness.Http.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) };
        foreach (var header in _harness.Http.DefaultRequestHeaders)
        {
            impatient.DefaultRequestHeaders.TryAddWithoutValidation(header.Key, header.Value);
        }

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.PatchAsync("CustomerGroups(dataAreaId='usmf',CustomerGroupId='10')", HttpJson.Body("""{"Description":"late"}""")));
        await Task.Delay(TimeSpan.FromSeconds(2));

        var group = await _harness.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("CustomerGroups(dataAreaId='usmf',CustomerGroupId='10')");
        Assert.Equal("late", group!["Description"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_admin_endpoint_stalls_writes_and_reset_clears_it()
    {
        using var admin = new HttpClient { BaseAddress = _harness.Emulator.BaseAddress };
        using var set = await admin.PostAsJsonAsync("_emulator/faults/stall-writes", new { count = 1, seconds = 30, thenProcess = false });
        using var bad = await admin.PostAsJsonAsync("_emulator/faults/stall-writes", new { count = -1, seconds = 1 });
        using var reset = await admin.PostAsync("_emulator/reset", null);
        using var write = await _harness.Http.PatchAsync("CustomerGroups(dataAreaId='usmf',CustomerGroupId='10')", HttpJson.Body("""{"Description":"after reset"}"""));

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(write.IsSuccessStatusCode, write.StatusCode.ToString());
    }
}
