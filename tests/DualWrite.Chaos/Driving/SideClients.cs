using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.Chaos.Records;
using DualWrite.TestSupport.Processes;

namespace DualWrite.Chaos.Driving;

/// <summary>
/// The run's own clients of both services, as users and integrations call them: F&amp;O OData (its default app, so
/// its changes are F&amp;O users' changes) and the Dataverse Web API (so the real plug-in writes each save through).
/// </summary>
public sealed class SideClients : IDisposable
{
    private SideClients(HttpClient finOps, HttpClient dataverse, Guid company)
    {
        FinOps = finOps;
        Dataverse = dataverse;
        Company = company;
    }

    /// <summary>BaseAddress …/data/.</summary>
    public HttpClient FinOps { get; }

    /// <summary>BaseAddress …/api/data/v9.2/.</summary>
    public HttpClient Dataverse { get; }

    /// <summary>Dataverse's id of company usmf (the alternate keys' company part).</summary>
    public Guid Company { get; }

    public static async Task<SideClients> CreateAsync(Uri finOps, Uri dataverse)
    {
        var finOpsHttp = await EmulatorHttp.FinOpsAsync(finOps).ConfigureAwait(false);
        var dataverseHttp = await EmulatorHttp.DataverseAsync(dataverse).ConfigureAwait(false);
        finOpsHttp.Timeout = TimeSpan.FromSeconds(100);
        dataverseHttp.Timeout = TimeSpan.FromSeconds(100);
        var company = await dataverseHttp.GetFromJsonAsync<JsonObject>("cdm_companies(cdm_companycode='" + EntityShape.Company + "')?$select=cdm_companyid").ConfigureAwait(false);
        return new SideClients(finOpsHttp, dataverseHttp, Guid.Parse(company!["cdm_companyid"]!.GetValue<string>()));
    }

    public void Dispose()
    {
        FinOps.Dispose();
        Dataverse.Dispose();
    }
}
