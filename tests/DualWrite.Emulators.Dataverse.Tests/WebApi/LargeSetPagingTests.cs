using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Seed;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

public sealed class LargeSetPagingTests
{
    [Fact]
    public async Task Paging_with_next_links_reaches_the_end_of_a_25000_row_set_without_repeats()
    {
        await using var emulator = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions { Seed = DataverseSeedOptions.Large(25_000) });
        using var client = new WebApiClient(await emulator.CreateAuthenticatedClientAsync());
        var ids = new HashSet<string>();
        string? next = "accounts?$select=accountnumber&$count=true";
        var pages = 0;
        while (next is not null)
        {
            var (response, body) = await client.SendAsync(HttpMethod.Get, next);
            Assert.True(response.IsSuccessStatusCode);
            if (pages == 0)
            {
                Assert.Equal(25_000, body!["@odata.count"]!.GetValue<int>());
            }

            foreach (var row in body!["value"]!.AsArray())
            {
                Assert.True(ids.Add(row!["accountid"]!.GetValue<string>()));
            }

            next = body["@odata.nextLink"]?.GetValue<string>();
            pages++;
        }

        Assert.Equal(25_000, ids.Count);
        Assert.Equal(5, pages); // the default and largest page is 5000 rows
    }
}
