using System;
using System.Net;
using System.Net.Http;
using DualWrite.Listener.Resilience;

namespace DualWrite.Listener.Tests.Resilience;

public sealed class ServiceProtectionBudgetTests
{
    [Fact]
    public void Reads_the_remaining_requests_and_execution_time_Dataverse_reports()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.TryAddWithoutValidation(ServiceProtectionBudget.RemainingRequestsHeader, "5998");
        response.Headers.TryAddWithoutValidation(ServiceProtectionBudget.RemainingTimeHeader, "1,199,800.00");

        var budget = ServiceProtectionBudget.Read(response);

        Assert.Equal(new ServiceProtectionBudget(5998, TimeSpan.FromMilliseconds(1199800)), budget);
    }

    [Fact]
    public void A_response_without_the_headers_has_no_budget()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);
        Assert.Null(ServiceProtectionBudget.Read(response));
    }

    [Theory]
    [InlineData(100, 600_000, false)]
    [InlineData(20, 600_000, true)]
    [InlineData(100, 5_000, true)]
    public void Low_means_not_enough_left_for_a_few_rounds_at_the_current_concurrency(int requests, int milliseconds, bool low)
    {
        var budget = new ServiceProtectionBudget(requests, TimeSpan.FromMilliseconds(milliseconds));
        Assert.Equal(low, budget.IsLow(concurrency: 8, rounds: 3, typicalRequest: TimeSpan.FromMilliseconds(500)));
    }
}
