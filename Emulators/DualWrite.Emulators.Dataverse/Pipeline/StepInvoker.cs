using System;
using System.Reflection;
using DualWrite.Emulators.Dataverse.Faults;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>
/// Creates a step's plug-in (handing it the unsecure and secure configuration) and runs it. An
/// InvalidPluginExecutionException or a fault from a nested request passes through untouched; any other
/// exception becomes a fault naming the plug-in type and the original message.
/// </summary>
internal static class StepInvoker
{
    public static void Invoke(InMemoryDataverse engine, StepRegistration step, PluginExecutionContext context, ActiveTransaction? transactionForNestedRequests)
    {
        var tracing = new TracingService(engine.TraceLog, step.DisplayName, context);
        var factory = new PluginOrganizationServiceFactory(engine, context, transactionForNestedRequests);
        var provider = new PluginServiceProvider(context, tracing, factory);
        try
        {
            var plugin = CreatePlugin(step);
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
