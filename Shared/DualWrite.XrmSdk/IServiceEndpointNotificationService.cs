namespace Microsoft.Xrm.Sdk;

/// <summary>Posts the execution context to a registered service endpoint (webhook, Service Bus).</summary>
public interface IServiceEndpointNotificationService
{
    string Execute(EntityReference serviceEndpoint, IExecutionContext context);
}
