using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using DualWrite.Emulators.FinOps.Events;
using DualWrite.Emulators.FinOps.Tests.Support;

namespace DualWrite.Emulators.FinOps.Tests.Events;

public sealed class ReorderedDeliveryTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;
    private EventReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _receiver = await EventReceiver.StartAsync();
        _harness = await EmulatorHarness.StartAsync();
        _harness.Control.Events.Register(new EventEndpoint("listener", _receiver.Url));
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Reordering_the_next_two_swaps_each_with_the_event_after_it()
    {
        _harness.Control.Events.ReorderNext(2);

        foreach (var id in new[] { "R1", "R2", "R3", "R4" })
        {
            using var created = await CreateGroupAsync(id);
        }

        var order = (await _receiver.WaitForAsync(4)).Select(r => r.Event.ContextRecordSubject).ToList();
        Assert.Equal(new[] { "R2", "R1", "R4", "R3" }, order.Select(IdOf));
    }

    [Fact]
    public async Task A_held_event_with_no_event_after_it_is_delivered_on_release()
    {
        _harness.Control.Events.ReorderNext();
        using var created = await CreateGroupAsync("R5");
        await Task.Delay(300);
        Assert.Empty(_receiver.Received);

        using var admin = new HttpClient { BaseAddress = _harness.Emulator.BaseAddress };
        using var released = await admin.PostAsync("_emulator/events/release-held", null);

        var received = Assert.Single(await _receiver.WaitForAsync(1));
        Assert.Equal("R5", IdOf(received.Event.ContextRecordSubject));
    }

    private static string IdOf(string subject) => subject[(subject.IndexOf("CustomerGroupId='", StringComparison.Ordinal) + 17)..^2];

    private Task<HttpResponseMessage> CreateGroupAsync(string id) =>
        _harness.Http.PostAsync("CustomerGroups", HttpJson.Body("{\"CustomerGroupId\":\"" + id + "\",\"Description\":\"Reorder test\"}"));
}
