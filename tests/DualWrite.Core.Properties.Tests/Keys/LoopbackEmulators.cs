using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Seed;
using DualWrite.Emulators.FinOps.Hosting;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.Core.Properties.Tests.Keys;

/// <summary>Both emulators on loopback with the small seed, reached through the listener's own clients; started once per class.</summary>
public sealed class LoopbackEmulators : IAsyncLifetime
{
    private FinOpsEmulator? _finOps;
    private DataverseEmulator? _dataverse;
    private HttpClient? _finOpsHttp;
    private HttpClient? _dataverseHttp;

    public FinOpsClient FinOps { get; private set; } = null!;

    public DataverseClient Dataverse { get; private set; } = null!;

    /// <summary>The id of Dataverse's USMF company, the first part of every account key.</summary>
    public Guid UsmfCompanyId { get; private set; }

    public async Task InitializeAsync()
    {
        _finOps = await FinOpsEmulator.StartAsync(new FinOpsEmulatorOptions { Port = 0 });
        _dataverse = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions { Port = 0, Seed = DataverseSeedOptions.Small with { Accounts = 0, Contacts = 0, Products = 0 } });
        _finOpsHttp = await _finOps.CreateAuthenticatedClientAsync();
        _dataverseHttp = await _dataverse.CreateAuthenticatedClientAsync();
        FinOps = new FinOpsClient(_finOpsHttp, _finOps.DataAddress, TimeProvider.System);
        Dataverse = new DataverseClient(_dataverseHttp, _dataverse.ServiceRoot, TimeProvider.System);
        var company = await Dataverse.FindIdByFilterAsync("cdm_companies", "cdm_company", "cdm_companycode eq 'USMF'", CancellationToken.None);
        UsmfCompanyId = company.GetValueOrThrow() ?? throw new InvalidOperationException("The seed has no USMF company.");
    }

    public async Task DisposeAsync()
    {
        _finOpsHttp?.Dispose();
        _dataverseHttp?.Dispose();
        if (_finOps is not null)
        {
            await _finOps.DisposeAsync();
        }

        if (_dataverse is not null)
        {
            await _dataverse.DisposeAsync();
        }
    }

    /// <summary>Fails with the call's error when it did not succeed.</summary>
    public static T Ok<T>(ODataResult<T> result, string what) =>
        result.Succeeded ? result.Value! : throw new Xunit.Sdk.XunitException(what + " failed: " + result.Error);
}
