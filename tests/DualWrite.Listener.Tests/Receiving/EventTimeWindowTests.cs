using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Listener.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DualWrite.Listener.Tests.Receiving;

/// <summary>The receiver's EventTime checks over real HTTP, against a listener whose clock stands still.</summary>
public sealed class EventTimeWindowTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory directory = new();
    private ListenerTestHost host = null!;

    public async Task InitializeAsync() => host = await ListenerTestHost.StartAsync(
        directory.Path,
        new Dictionary<string, string?>
        {
            ["DualWrite:Receiving:MaxEventAge"] = "30.00:00:00",
            ["DualWrite:Receiving:MaxClockSkew"] = "00:05:00",
        },
        services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Fact]
    public async Task An_event_time_beyond_the_date_range_is_400_naming_the_field_and_value_not_500()
    {
        var e = TestEvents.Customer("US-001", 1);

        using var response = await host.PostAsync(WithEventTime(e, "/Date(99999999999999999)/"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reason = Assert.Single(await ReasonsAsync(response));
        Assert.Equal("EventTime '/Date(99999999999999999)/' is out of range: F&O dates fall between the years 1 and 9999.", reason);
        Assert.Null(await host.Store.GetEventAsync(e.EventId, default));
    }

    [Fact]
    public async Task An_event_from_the_year_9999_is_400_because_it_lies_ahead_of_the_clock()
    {
        var e = TestEvents.Customer("US-001", 1);
        var year9999 = FinOpsChangeEventJson.FormatDate(new DateTime(9999, 6, 1, 0, 0, 0, DateTimeKind.Utc));

        using var response = await host.PostAsync(WithEventTime(e, year9999));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reason = Assert.Single(await ReasonsAsync(response));
        Assert.StartsWith("EventTime '" + year9999 + "' (9999-06-01T00:00:00.0000000Z) is more than 00:05:00 ahead", reason, StringComparison.Ordinal);
        Assert.Contains("DualWrite:Receiving:MaxClockSkew", reason, StringComparison.Ordinal);
        Assert.Null(await host.Store.GetEventAsync(e.EventId, default));
    }

    [Fact]
    public async Task An_event_older_than_the_maximum_age_is_400_naming_its_time_and_the_setting()
    {
        var e = TestEvents.Customer("US-001", 1);
        var old = FinOpsChangeEventJson.FormatDate(Now.UtcDateTime.AddDays(-30).AddSeconds(-1));

        using var response = await host.PostAsync(WithEventTime(e, old));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reason = Assert.Single(await ReasonsAsync(response));
        Assert.StartsWith("EventTime '" + old + "' (2026-11-01T11:59:59.0000000Z) is more than 30.00:00:00 old", reason, StringComparison.Ordinal);
        Assert.Contains("DualWrite:Receiving:MaxEventAge", reason, StringComparison.Ordinal);
        Assert.Null(await host.Store.GetEventAsync(e.EventId, default));
    }

    [Theory]
    [InlineData(-30 * 24 * 60)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(5)]
    public async Task An_event_inside_the_window_is_accepted(int minutesFromNow)
    {
        var e = TestEvents.Customer("US-001", 1);

        using var response = await host.PostAsync(WithEventTime(e, FinOpsChangeEventJson.FormatDate(Now.UtcDateTime.AddMinutes(minutesFromNow))));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotNull(await host.Store.GetEventAsync(e.EventId, default));
    }

    private static string WithEventTime(FinOpsChangeEvent changeEvent, string eventTime) =>
        TestEvents.Json(changeEvent).Replace(FinOpsChangeEventJson.FormatDate(changeEvent.EventTimeUtc), eventTime, StringComparison.Ordinal);

    private static async Task<List<string>> ReasonsAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reasons = new List<string>();
        foreach (var reason in body.RootElement.GetProperty("reasons").EnumerateArray())
        {
            reasons.Add(reason.GetString()!);
        }

        return reasons;
    }
}
