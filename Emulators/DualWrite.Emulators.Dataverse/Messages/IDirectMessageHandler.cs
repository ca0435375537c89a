using DualWrite.Emulators.Dataverse.Pipeline;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Messages;

/// <summary>A message without a plug-in pipeline of its own (ExecuteMultiple, ExecuteTransaction): it only dispatches other requests.</summary>
internal interface IDirectMessageHandler
{
    string MessageName { get; }

    OrganizationResponse Execute(OrganizationRequest request, ExecutionCaller caller, InMemoryDataverse engine);
}
