using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Tests.Support;
using DualWrite.Emulators.FinOps.Hosting;
using DualWrite.Emulators.Common.Auth;
using DualWrite.TestSupport;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi.EndToEnd;

/// <summary>
/// Both emulators on loopback, the real solution/ steps and the real net10.0 plug-in: a Web API save is written
/// through to F&amp;O inside the Dataverse transaction, and rolled back when F&amp;O refuses it.
/// </summary>
public sealed class WriteThroughEndToEndTests : IAsyncLifetime
{
    private static readonly Guid Usmf = SeedIds.Usmf;
    private FinOpsEmulator? _fno;
    private DataverseEmulator? _dataverse;

    private FinOpsEmulator FinOps => _fno!;

    private DataverseEmulator Dataverse => _dataverse!;

    public async Task InitializeAsync()
    {
        _fno = await FinOpsEmulator.StartAsync(new FinOpsEmulatorOptions());
        var options = new DataverseEmulatorOptions { SolutionFolder = RepositoryPaths.Solution };
        options.Steps.PluginAssemblies.Add(RepositoryPaths.PluginAssembly);
        options.Steps.SecureConfigurations["*"] = new JsonObject
        {
            ["tenantId"] = DefaultEmulatorClient.Tenant,
            ["clientId"] = DefaultEmulatorClient.ClientId,
            ["clientSecret"] = DefaultEmulatorClient.ClientSecret,
            ["authority"] = _fno.BaseAddress.AbsoluteUri,
        }.ToJsonString();
        options.Steps.UnsecureSettings["finOpsBaseUrl"] = _fno.BaseAddress.AbsoluteUri;
        options.Steps.UnsecureSettings["allowEmulatorUrls"] = true;
        _dataverse = await DataverseEmulator.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        if (_dataverse is not null)
        {
            await _dataverse.DisposeAsync();
        }

        if (_fno is not null)
        {
            await _fno.DisposeAsync();
        }
    }

    private static string AccountKey(string number) => $"accounts(_msdyn_company_value={Usmf},accountnumber='{number}')";

    private async Task<string> FinOpsCustomerNameAsync(string account)
    {
        using var http = await FinOps.CreateAuthenticatedClientAsync();
        var json = JsonNode.Parse(await http.GetStringAsync(new Uri(FinOps.DataAddress, $"CustomersV3(dataAreaId='usmf',CustomerAccount='{account}')?cross-company=true")))!;
        return json["OrganizationName"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_web_api_update_runs_the_plugin_which_writes_it_through_to_fno()
    {
        using var client = new WebApiClient(await Dataverse.CreateAuthenticatedClientAsync());

        var (response, body) = await client.SendAsync(HttpMethod.Patch, AccountKey("US-001"), new JsonObject { ["name"] = "Written through" }, ("If-Match", "*"));

        Assert.True(response.StatusCode == HttpStatusCode.NoContent, body?.ToJsonString());
        Assert.Equal("Written through", await FinOpsCustomerNameAsync("US-001"));
    }

    [Fact]
    public async Task When_fno_refuses_the_save_is_400_with_the_plugin_message_and_rolled_back_on_both_sides()
    {
        using var client = new WebApiClient(await Dataverse.CreateAuthenticatedClientAsync());
        var before = (await client.GetJsonAsync(AccountKey("US-002") + "?$select=name"))["name"]!.GetValue<string>();
        var finOpsBefore = await FinOpsCustomerNameAsync("US-002");
        FinOps.Control.Faults.FailNextWrites(1, 400, "Customer group 99 does not exist.");

        var (response, body) = await client.SendAsync(HttpMethod.Patch, AccountKey("US-002"), new JsonObject { ["name"] = "Refused by F&O" }, ("If-Match", "*"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("0x80040265", WebApiClient.ErrorCode(body));
        Assert.Contains("Customer group 99 does not exist.", WebApiClient.ErrorMessage(body), StringComparison.Ordinal);
        Assert.Equal(before, (await client.GetJsonAsync(AccountKey("US-002") + "?$select=name"))["name"]!.GetValue<string>());
        Assert.Equal(finOpsBefore, await FinOpsCustomerNameAsync("US-002"));
    }

    [Fact]
    public async Task A_save_tagged_DualWrite_is_not_written_back_to_fno()
    {
        using var client = new WebApiClient(await Dataverse.CreateAuthenticatedClientAsync());
        var finOpsBefore = await FinOpsCustomerNameAsync("US-003");

        var (response, _) = await client.SendAsync(HttpMethod.Patch, AccountKey("US-003") + "?tag=DualWrite", new JsonObject { ["name"] = "From the listener" }, ("If-Match", "*"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(finOpsBefore, await FinOpsCustomerNameAsync("US-003"));
    }
}
