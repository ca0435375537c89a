using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Messages;

/// <summary>The platform's part of one message: what it targets, its main operation and its response.</summary>
internal interface IMessageHandler
{
    string MessageName { get; }

    /// <summary>Writes need the transaction (and the write lock when top level).</summary>
    bool IsWrite { get; }

    /// <summary>Checks the input parameters and sets the primary table and id (when known before the operation).</summary>
    void Prepare(MessageExecution execution);

    /// <summary>The main operation (stage 30): reads InputParameters, writes OutputParameters.</summary>
    void Execute(MessageExecution execution);

    OrganizationResponse CreateResponse(MessageExecution execution);
}
