using System.Collections.Generic;
using DualWrite.Listener.Bulk.Lookups;
using DualWrite.Listener.Bulk.Writing;
using DualWrite.Listener.Syncing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Tests.Bulk.Writing;

public sealed class BulkWritingRegistrationTests
{
    [Fact]
    public void The_sync_services_include_one_bulk_writer_with_the_configured_options_and_the_lookup_resolver()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DualWrite:FinOps:BaseUrl"] = "http://127.0.0.1:1/",
            ["DualWrite:Dataverse:BaseUrl"] = "http://127.0.0.1:2/",
            ["DualWrite:FinOps:Authority"] = "http://127.0.0.1:1/emulator",
            ["DualWrite:FinOps:ClientId"] = "id",
            ["DualWrite:FinOps:ClientSecret"] = "secret",
            ["DualWrite:Dataverse:Authority"] = "http://127.0.0.1:2/emulator",
            ["DualWrite:Dataverse:ClientId"] = "id",
            ["DualWrite:Dataverse:ClientSecret"] = "secret",
            ["DualWrite:Bulk:BatchSize"] = "500",
            ["DualWrite:Bulk:MaxConcurrency"] = "4",
            ["DualWrite:Bulk:InitialConcurrency"] = "2",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddDualWriteSync(configuration);
        using var provider = services.BuildServiceProvider();

        var writer = provider.GetRequiredService<IBulkWriter>();

        Assert.Same(provider.GetRequiredService<BulkWriter>(), writer);
        Assert.Equal(2, ((BulkWriter)writer).DataversePacer.Limit);
        Assert.Equal(500, provider.GetRequiredService<IOptions<BulkWriterOptions>>().Value.BatchSize);
        Assert.NotNull(provider.GetRequiredService<BulkLookupResolver>());
    }
}
