using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using DualWrite.Emulators.Dataverse.Faults;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>
/// Creates a step's plug-in once (handing it the unsecure and secure configuration) and runs it. Like the platform,
/// which caches plug-in instances, the instance is kept for its step and reused for every execution, so a plug-in
/// parses its configuration once, not per record (plug-ins must be stateless, as on the service). An
/// InvalidPluginExecutionException or a fault from a nested request passes through untouched; any other
/// exception becomes a fault naming the plug-in type and the original message.
/// </summary>
internal static class StepInvoker
{
    // Keyed by registration: a step registered again (a new engine) gets a new instance; a dropped one frees its own.
    private static readonly ConditionalWeakTable<StepRegistration, IPlugin> Instances = new();

    public static void Invoke(InMemoryDataverse engine, StepRegistration step, PluginExecutionContext context, ActiveTransaction? transactionForNestedRequests)
    {
        var tracing = new TracingService(engine.TraceLog, step.DisplayName, context);
        var factory = new PluginOrganizationServiceFactory(engine, context, transactionForNestedRequests);
        var provider = new PluginServiceProvider(context, tracing, factory);
        try
        {
            var plugin = Instances.GetValue(step, CreatePlugin);
            plugin.Execute(provider);
        }
        catch (Exception ex) when (ex is not (InvalidPluginExecutionException or DataverseFaultException))
        {
            var inner = ex is TargetInvocationException { InnerException: { } thrown } ? thrown : ex;
            throw DataverseFaultException.Create(
                ErrorCodes.UnexpectedPluginException,
                $"Unexpected exception from plug-in (Execute): {step.PluginType?.FullName ?? step.DisplayName}: {inner.GetType().FullName}: {inner.Message}",
                inner);
        }
    }

    private static IPlugin CreatePlugin(StepRegistration step)
    {
        if (step.PluginFactory is not null)
        {
            return step.PluginFactory(step.UnsecureConfiguration, step.SecureConfiguration);
        }

        var type = step.PluginType!;
        if (type.GetConstructor([typeof(string), typeof(string)]) is { } both)
        {
            return (IPlugin)both.Invoke([step.UnsecureConfiguration, step.SecureConfiguration]);
        }

        if (type.GetConstructor([typeof(string)]) is { } unsecure)
        {
            return (IPlugin)unsecure.Invoke([step.UnsecureConfiguration]);
        }

        return (IPlugin)Activator.CreateInstance(type)!;
    }
}
