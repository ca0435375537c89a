using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Embedded;
using DualWrite.EndToEnd.Tests.Support;

namespace DualWrite.EndToEnd.Tests.Recovery;

/// <summary>The embedded default keeps its inbox and state store in a folder that outlives the run, and says where.</summary>
public sealed class EmbeddedDataFolderTests
{
    [Fact]
    public async Task The_embedded_run_keeps_its_state_in_the_folder_it_is_given_and_prints_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dualwrite-embedded-test-" + Guid.NewGuid().ToString("N"));
        var output = new StringWriter();
        using var synchronized = TextWriter.Synchronized(output);
        using var stop = new CancellationTokenSource();
        try
        {
            var run = EmbeddedRun.RunAsync(
                [
                    "--DualWrite:Embedded:FinOpsPort=0",
                    "--DualWrite:Embedded:DataversePort=0",
                    "--DualWrite:Embedded:ListenerUrls=http://127.0.0.1:0",
                    "--DualWrite:Embedded:Customers=20",
                    "--DualWrite:Embedded:DataDirectory=" + folder,
                    "--Logging:LogLevel:Default=Warning",
                ],
                synchronized,
                stop.Token);
            await Eventually.TrueAsync(() => Task.FromResult(Text(output, synchronized).Contains("Syncing live.", StringComparison.Ordinal) || run.IsCompleted), "the embedded run syncing live", TimeSpan.FromMinutes(2));
            await stop.CancelAsync();
            Assert.Equal(0, await run);

            Assert.Contains("Inbox and state     " + folder + " (kept across restarts", Text(output, synchronized), StringComparison.Ordinal);
            Assert.NotEmpty(Directory.GetFiles(folder));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>What was written so far; the synchronized writer locks on itself while it writes.</summary>
    private static string Text(StringWriter output, TextWriter synchronized)
    {
        lock (synchronized)
        {
            return output.ToString();
        }
    }
}
