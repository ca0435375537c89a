using System;
using DualWrite.Emulators.Common.Latency;

namespace DualWrite.Emulators.Common.Tests.Latency;

public sealed class LatencyProfileTests
{
    [Fact]
    public void The_profile_is_off_by_default()
    {
        Assert.False(LatencyProfile.None.IsEnabled);
        Assert.Equal(TimeSpan.Zero, LatencyProfile.None.CostOf(1000));
    }

    [Fact]
    public void A_request_costs_its_fixed_part_plus_each_record_and_counts_at_least_one()
    {
        var profile = LatencyProfile.FromMilliseconds(30, 1);

        Assert.True(profile.IsEnabled);
        Assert.Equal(TimeSpan.FromMilliseconds(1030), profile.CostOf(1000));
        Assert.Equal(TimeSpan.FromMilliseconds(31), profile.CostOf(0));
    }

    [Fact]
    public void Negative_milliseconds_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyProfile.FromMilliseconds(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyProfile.FromMilliseconds(0, -1));
    }

    [Fact]
    public void A_batch_counts_each_operation_part_in_or_out_of_changesets()
    {
        const string body = "--batch_1\r\nContent-Type: multipart/mixed; boundary=changeset_1\r\n\r\n"
            + "--changeset_1\r\nContent-Type: application/http\r\n\r\nPOST accounts HTTP/1.1\r\n\r\n{}\r\n"
            + "--changeset_1\r\nContent-Type: Application/HTTP\r\n\r\nPOST accounts HTTP/1.1\r\n\r\n{}\r\n--changeset_1--\r\n"
            + "--batch_1\r\nContent-Type: application/http\r\n\r\nGET accounts HTTP/1.1\r\n\r\n--batch_1--\r\n";

        Assert.Equal(3, BatchOperationCounter.Count(body));
        Assert.Equal(0, BatchOperationCounter.Count(null));
    }
}
