using System;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Plugins.Base;

/// <summary>
/// The one guarded entry of every DualWrite plug-in: resolves the context, tracing and organization
/// services, traces entry and exit with the elapsed time, and turns every failure into an
/// <see cref="InvalidPluginExecutionException"/>: the only exception whose message the user sees.
/// </summary>
public abstract class PluginBase : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        if (serviceProvider is null)
        {
            throw new InvalidPluginExecutionException("The platform passed no service provider to " + GetType().Name + ".");
        }

        var stopwatch = Stopwatch.StartNew();
        var local = new LocalPluginContext(serviceProvider, stopwatch);
        local.Trace(
            "{0} entered: {1} of {2} {3:D}, stage {4}, depth {5}, correlation {6:D}.",
            GetType().Name,
            local.ExecutionContext.MessageName,
            local.ExecutionContext.PrimaryEntityName,
            local.ExecutionContext.PrimaryEntityId,
            local.ExecutionContext.Stage,
            local.ExecutionContext.Depth,
            local.ExecutionContext.CorrelationId);
        try
        {
            ExecuteCore(local);
        }
        catch (InvalidPluginExecutionException ex)
        {
            local.Trace("{0} failed: {1}", GetType().Name, ex.Message);
            throw;
        }
        catch (Exception ex)
        {
            // A bug, not an expected failure: keep the details in the trace, give the user a readable message.
            local.Trace("{0} failed unexpectedly: {1}", GetType().Name, ex.ToString());
            throw new InvalidPluginExecutionException(
                string.Format(CultureInfo.InvariantCulture, "DualWrite could not process this {0} of {1}: {2}", local.ExecutionContext.MessageName, local.ExecutionContext.PrimaryEntityName, ex.Message),
                ex);
        }
        finally
        {
            local.Trace("{0} exited.", GetType().Name);
        }
    }

    /// <summary>The plug-in's work. Throw <see cref="InvalidPluginExecutionException"/> to fail the save with a message.</summary>
    protected abstract void ExecuteCore(LocalPluginContext context);
}
