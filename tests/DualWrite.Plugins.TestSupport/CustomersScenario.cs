using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.Core.Pausing;
using DualWrite.Emulators.Dataverse;
using DualWrite.Emulators.Dataverse.Builder;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Plugins.Registration;
using DualWrite.Plugins.WriteThrough;
using Microsoft.Xrm.Sdk;
using DualWrite.TestSupport;

namespace DualWrite.Plugins.TestSupport;

/// <summary>
/// The Customers V3 map registered as the solution registers it (steps from the generator), in an
/// in-memory Dataverse, writing through to a fake F&amp;O on loopback. Seeds company USMF, customer
/// groups 10 and 99, payment term Net30 and currency USD.
/// </summary>
public sealed class CustomersScenario : IAsyncDisposable
{
    public const string MapFile = "customers-v3.json";
    public const string UnmappedColumn = "dw_internalnote";

    private CustomersScenario(FakeFinOps finOps, InMemoryDataverse dataverse, TableMap map)
    {
        FinOps = finOps;
        Dataverse = dataverse;
        Map = map;
    }

    public FakeFinOps FinOps { get; }

    public InMemoryDataverse Dataverse { get; }

    public IOrganizationService Service => Dataverse.Service;

    public TableMap Map { get; }

    public static Guid CompanyUsmf { get; } = new("0a000000-0000-0000-0000-000000000001");

    public static Guid GroupTen { get; } = new("0b000000-0000-0000-0000-000000000010");

    public static Guid GroupNinetyNine { get; } = new("0b000000-0000-0000-0000-000000000099");

    /// <summary>A customer group whose code (msdyn_groupid) is empty: F&amp;O cannot be given a code for it.</summary>
    public static Guid GroupWithoutCode { get; } = new("0b000000-0000-0000-0000-0000000000ff");

    public static Guid PaymentNet30 { get; } = new("0c000000-0000-0000-0000-000000000030");

    public static Guid CurrencyUsd { get; } = new("0d000000-0000-0000-0000-000000000001");

    /// <param name="callTimeout">Per-call timeout (default 15 s).</param>
    /// <param name="budget">Overall budget (default 60 s).</param>
    /// <param name="finOpsBaseUrl">Where F&amp;O is (default: the fake); the token service is always the fake.</param>
    /// <param name="registerSteps">False builds the same Dataverse without the write-through steps (the benchmark's baseline).</param>
    /// <param name="tenantId">The tenant the steps sign in to (the fake knows only <see cref="FakeFinOps.TenantId"/>).</param>
    /// <param name="configure">More setup (extra steps) before the Dataverse is built.</param>
    /// <param name="onPaused">The steps' <c>onPaused</c> setting (default: as generated, refuse).</param>
    public static async Task<CustomersScenario> StartAsync(TimeSpan? callTimeout = null, TimeSpan? budget = null, Uri? finOpsBaseUrl = null, bool registerSteps = true, string tenantId = FakeFinOps.TenantId, Action<InMemoryDataverseBuilder>? configure = null, PausedSaveBehavior? onPaused = null)
    {
        var finOps = await FakeFinOps.StartAsync();
        var json = File.ReadAllText(RepositoryPaths.MapFile(MapFile));
        var map = MapLoader.Load(json, MapFile).Map ?? throw new InvalidOperationException("The Customers V3 map does not load.");
        var builder = new InMemoryDataverseBuilder().AddTablesFor(map, UnmappedColumn);
        foreach (var step in registerSteps ? WriteThroughSteps.For([new global::DualWrite.MapValidation.Validation.MapFile(MapFile, json)]) : [])
        {
            builder.AddStep(Register(step, finOpsBaseUrl ?? finOps.BaseUrl, finOps.BaseUrl, callTimeout, budget, tenantId, onPaused));
        }

        builder
            .AddRecord(new Entity("cdm_company", CompanyUsmf) { ["cdm_companycode"] = "USMF" })
            .AddRecord(new Entity("msdyn_customergroup", GroupTen) { ["msdyn_groupid"] = "10", ["msdyn_company"] = new EntityReference("cdm_company", CompanyUsmf) })
            .AddRecord(new Entity("msdyn_customergroup", GroupNinetyNine) { ["msdyn_groupid"] = "99", ["msdyn_company"] = new EntityReference("cdm_company", CompanyUsmf) })
            .AddRecord(new Entity("msdyn_customergroup", GroupWithoutCode) { ["msdyn_company"] = new EntityReference("cdm_company", CompanyUsmf) })
            .AddRecord(new Entity("msdyn_paymentterm", PaymentNet30) { ["msdyn_name"] = "Net30", ["msdyn_company"] = new EntityReference("cdm_company", CompanyUsmf) })
            .AddRecord(new Entity("transactioncurrency", CurrencyUsd) { ["isocurrencycode"] = "USD" });
        configure?.Invoke(builder);
        return new CustomersScenario(finOps, builder.Build(), map);
    }

    /// <summary>The step as the solution registers it, pointed at the fake F&amp;O (an emulator URL, so allowed explicitly).</summary>
    public static StepRegistration Register(StepDefinition step, Uri finOpsBaseUrl, Uri authority, TimeSpan? callTimeout = null, TimeSpan? budget = null, string tenantId = FakeFinOps.TenantId, PausedSaveBehavior? onPaused = null) => new()
    {
        PluginType = typeof(WriteThroughPlugin),
        Name = step.Name,
        Message = step.Message,
        Table = step.Table,
        Stage = PipelineStage.PostOperation,
        Mode = StepMode.Synchronous,
        Rank = step.Rank,
        FilteringAttributes = step.FilteringAttributes,
        Images = step.PreImage is { } image ? [new StepImage(image.Alias, ImageType.PreImage, [.. image.Attributes])] : [],
        UnsecureConfiguration = StepConfigurationJson.Retarget(step.UnsecureConfiguration, finOpsBaseUrl.AbsoluteUri, allowEmulatorUrls: true, callTimeout, budget, onPaused),
        SecureConfiguration = SecureConfiguration(authority, tenantId),
    };

    public static string SecureConfiguration(Uri authority, string tenantId = FakeFinOps.TenantId) =>
        "{\"tenantId\":\"" + tenantId + "\",\"clientId\":\"dualwrite-app\",\"clientSecret\":\"s3cret\",\"authority\":\"" + authority.AbsoluteUri + "\"}";

    /// <summary>An organization account in USMF, customer group 10, valid for the map's filter.</summary>
    public static Entity NewAccount(string accountNumber = "US-001", string name = "Contoso") => new("account")
    {
        ["accountnumber"] = accountNumber,
        ["name"] = name,
        ["msdyn_company"] = new EntityReference("cdm_company", CompanyUsmf),
        ["msdyn_customergroupid"] = new EntityReference("msdyn_customergroup", GroupTen),
        ["creditlimit"] = new Money(5000m),
        ["msdyn_creditlimitismandatory"] = true,
        ["msdyn_onholdstatus"] = new OptionSetValue(192350000),
        ["customertypecode"] = new OptionSetValue(3),
    };

    public IReadOnlyList<string> TracesContaining(string text) =>
        Dataverse.Traces.Where(t => t.Text.Contains(text, StringComparison.Ordinal)).Select(t => t.Text).ToList();

    public async ValueTask DisposeAsync()
    {
        Dataverse.Dispose();
        await FinOps.DisposeAsync();
    }
}
