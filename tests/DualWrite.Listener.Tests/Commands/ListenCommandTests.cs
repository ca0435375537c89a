using System.IO;
using System.Threading.Tasks;
using DualWrite.Listener.Commands;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.Commands;

public sealed class ListenCommandTests : System.IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("listen")]
    [InlineData(null)]
    public async Task Listening_without_FinOps_and_Dataverse_configured_refuses_to_start_and_names_every_missing_setting(string? command)
    {
        using var output = new StringWriter();
        string[] overrides = ["--DualWrite:Inbox:DataDirectory=" + directory.Path, "--DualWrite:Receiving:Urls=http://127.0.0.1:0", "--DualWrite:Receiving:SharedSecret=s"];
        string[] args = command is null ? overrides : [command, .. overrides];

        var exitCode = await DualWriteCommandLine.Create(output).Parse(args).InvokeAsync();

        var text = output.ToString();
        Assert.Equal(2, exitCode);
        foreach (var setting in new[] { "DualWrite:FinOps:BaseUrl", "DualWrite:FinOps:TenantId", "DualWrite:FinOps:ClientId", "DualWrite:FinOps:ClientSecret", "DualWrite:Dataverse:BaseUrl", "DualWrite:Dataverse:TenantId", "DualWrite:Dataverse:ClientId", "DualWrite:Dataverse:ClientSecret" })
        {
            Assert.Contains(setting, text);
        }
    }
}
