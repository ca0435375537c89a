using System.Linq;
using System.Threading.Tasks;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Emulators.FinOps.Seed;

namespace DualWrite.EndToEnd.Tests.Sync;

/// <summary>The run command's embedded default: the whole small F&amp;O data set reaches Dataverse in the initial sync.</summary>
public class InitialSyncTests
{
    [Fact]
    public async Task The_small_data_set_syncs_with_no_failure_in_any_map()
    {
        await using var rig = await SyncRig.StartAsync(SeedOptions.Small.Customers);
        var report = rig.InitialSyncReport;

        Assert.All(report.Maps, map => Assert.True(map.Failed == 0, map.Map + ": " + string.Join(" | ", map.Failures)));
        Assert.All(report.Maps, map => Assert.Equal(map.Read, map.Applied + map.Skipped));
        Assert.Contains(report.Maps, map => map.Map == "Vendors V2" && map.Applied > 0);
        Assert.Contains(report.Maps, map => map.Map == "Contacts" && map.Applied > 0);
        Assert.True(report.Maps.Sum(m => m.Applied) > SeedOptions.Small.Customers);
    }
}
