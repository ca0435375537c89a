using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using DualWrite.Emulators.FinOps.Tests.Support;

namespace DualWrite.Emulators.FinOps.Tests.Store;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Concurrent_writers_and_readers_lose_no_write_and_get_unique_control_numbers()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        const int Writers = 6;
        const int PerWriter = 20;

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < PerWriter; i++)
            {
                var id = "C" + w.ToString(CultureInfo.InvariantCulture) + "-" + i.ToString(CultureInfo.InvariantCulture);
                using var response = await harness.Http.PostAsync("CustomerGroups", HttpJson.Body("{\"CustomerGroupId\":\"" + id + "\"}"));
                statuses.Add(response.StatusCode);
            }

            return statuses;
        }));
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                using var response = await harness.Http.GetAsync("CustomersV3?cross-company=true&$filter=OrganizationName eq '*Contoso*'&$select=CustomerAccount");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }));

        var results = await Task.WhenAll(writers);
        await Task.WhenAll(readers);
        using var count = await harness.Http.GetAsync("CustomerGroups/$count");

        Assert.All(results.SelectMany(s => s), s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal((5 + (Writers * PerWriter)).ToString(CultureInfo.InvariantCulture), await count.Content.ReadAsStringAsync());
        var controlNumbers = harness.Control.Events.Published.Select(p => p.Event.ControlNumber).ToList();
        Assert.Equal(Writers * PerWriter, controlNumbers.Distinct().Count());
        Assert.Equal(controlNumbers.Order(), controlNumbers);
    }
}
