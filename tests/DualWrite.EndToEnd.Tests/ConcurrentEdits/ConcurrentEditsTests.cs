using System;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace DualWrite.EndToEnd.Tests.ConcurrentEdits;

/// <summary>
/// Issue 14: the same customers edited on both sides at once must converge without stalls. A Dataverse save is
/// refused only when F&amp;O really refused or was unreachable (here it is healthy), and no listener apply runs
/// into its 30 s timeout.
/// </summary>
public class ConcurrentEditsTests(ITestOutputHelper output)
{
    private const int Records = 80;
    private const int Bursts = 3;

    [Fact]
    public async Task Both_sides_editing_the_same_customers_at_once_converge_without_timeouts_or_refused_saves()
    {
        await using var rig = await ConcurrentEditsRig.StartAsync(customers: 300);
        var accounts = await rig.AccountsAsync(Records);
        Assert.Equal(Records, accounts.Count);
        var figures = new ConcurrentEditsFigures { Bursts = Bursts, RecordsPerBurst = Records };
        for (var burst = 1; burst <= Bursts; burst++)
        {
            await rig.BurstAsync(burst, accounts, figures, TimeSpan.FromSeconds(90));
        }

        figures.ApplyTimeouts = rig.Counter.Timeouts;
        output.WriteLine(figures.ToString());
        Assert.True(figures.AllConverged, figures.ToString());
        Assert.True(figures.RefusedSaves.Count == 0, figures.ToString());
        Assert.True(figures.RefusedFinOpsEdits.Count == 0, figures.ToString());
        Assert.True(figures.ApplyTimeouts == 0, figures.ToString());
    }
}
