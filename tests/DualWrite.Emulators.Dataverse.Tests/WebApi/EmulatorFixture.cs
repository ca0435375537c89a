using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

/// <summary>
/// One emulator with the small seed for a test class, plus two contact steps: one records the tag each save
/// carried, one refuses a last name of "Refuse" (as a plug-in would refuse bad data), and one refuses a new
/// contact called <c>HttpStatus-&lt;code&gt;</c> with that HTTP status (as our write-through plug-in does when F&amp;O
/// throttles or fails); and an account step that records the company reference each create's Target carried.
/// Tests use their own keys.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string RefusedLastName = "Refuse";
    public const string RefusalMessage = "Contacts called Refuse are not welcome here.";

    /// <summary>A contact created with last name <c>HttpStatus-429</c> is refused by a plug-in asking for 429.</summary>
    public const string HttpStatusPrefix = "HttpStatus-";

    private DataverseEmulator? _emulator;

    /// <summary>Tag seen by the recording step, by contact last name.</summary>
    public ConcurrentDictionary<string, string> TagsByLastName { get; } = new(StringComparer.Ordinal);

    /// <summary>The msdyn_company reference the earliest account create step saw, by account name.</summary>
    public ConcurrentDictionary<string, EntityReference> CompaniesByAccountName { get; } = new(StringComparer.Ordinal);

    public DataverseEmulator Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var options = new DataverseEmulatorOptions();
        options.AdditionalSteps.Add(TestDataverse.Step("Create", "contact", PipelineStage.PreOperation, scope =>
        {
            var lastName = scope.Target.GetAttributeValue<string>("lastname") ?? string.Empty;
            TagsByLastName[lastName] = scope.Context.SharedVariables.TryGetValue("tag", out var tag) ? (string)tag : "(none)";
        }));
        options.AdditionalSteps.Add(TestDataverse.Step("Update", "contact", PipelineStage.PostOperation, scope =>
        {
            if (scope.Target.GetAttributeValue<string>("lastname") == RefusedLastName)
            {
                throw new InvalidPluginExecutionException(RefusalMessage);
            }
        }));
        options.AdditionalSteps.Add(TestDataverse.Step("Create", "contact", PipelineStage.PreOperation, scope =>
        {
            var lastName = scope.Target.GetAttributeValue<string>("lastname") ?? string.Empty;
            if (lastName.StartsWith(HttpStatusPrefix, StringComparison.Ordinal))
            {
                var status = (PluginHttpStatusCode)int.Parse(lastName[HttpStatusPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
                throw new InvalidPluginExecutionException(HttpStatusMessage(status), status);
            }
        }, rank: 2));
        options.AdditionalSteps.Add(TestDataverse.Step("Create", "account", PipelineStage.PreValidation, scope =>
        {
            if (scope.Target.GetAttributeValue<EntityReference>("msdyn_company") is { } company)
            {
                CompaniesByAccountName[scope.Target.GetAttributeValue<string>("name") ?? string.Empty] = company;
            }
        }));
        _emulator = await DataverseEmulator.StartAsync(options);
    }

    public static string HttpStatusMessage(PluginHttpStatusCode status) => "F&O answered " + (int)status + "; try again later.";

    internal async Task<WebApiClient> ClientAsync() => new(await Emulator.CreateAuthenticatedClientAsync());

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
