using System;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Plugins.Base;

/// <summary>
/// What one execution of a plug-in works with: the execution context, the tracing service (every line
/// stamped with the milliseconds since entry) and organization services created on first use.
/// </summary>
public sealed class LocalPluginContext
{
    private readonly IServiceProvider _serviceProvider;
    private readonly Stopwatch _stopwatch;
    private readonly ITracingService? _tracing;
    private IOrganizationService? _userService;
    private IOrganizationService? _systemService;

    public LocalPluginContext(IServiceProvider serviceProvider, Stopwatch stopwatch)
    {
        _serviceProvider = serviceProvider ?? throw new ArgumentNullException(nameof(serviceProvider));
        _stopwatch = stopwatch ?? throw new ArgumentNullException(nameof(stopwatch));
        ExecutionContext = (IPluginExecutionContext?)serviceProvider.GetService(typeof(IPluginExecutionContext))
            ?? throw new InvalidPluginExecutionException("The platform passed no IPluginExecutionContext.");
        _tracing = (ITracingService?)serviceProvider.GetService(typeof(ITracingService));
    }

    public IPluginExecutionContext ExecutionContext { get; }

    /// <summary>Time since the plug-in was entered: the budget is measured against it.</summary>
    public TimeSpan Elapsed => _stopwatch.Elapsed;

    public Stopwatch Stopwatch => _stopwatch;

    /// <summary>An organization service that runs as the user who made the change (reads respect their access).</summary>
    public IOrganizationService UserService
    {
        get
        {
            if (_userService is null)
            {
                var factory = (IOrganizationServiceFactory?)_serviceProvider.GetService(typeof(IOrganizationServiceFactory))
                    ?? throw new InvalidPluginExecutionException("The platform passed no IOrganizationServiceFactory.");
                _userService = factory.CreateOrganizationService(ExecutionContext.UserId);
            }

            return _userService;
        }
    }

    /// <summary>An organization service that runs as SYSTEM: for the integration's own rows (the write-through ledger), whatever the user's role.</summary>
    public IOrganizationService SystemService
    {
        get
        {
            if (_systemService is null)
            {
                var factory = (IOrganizationServiceFactory?)_serviceProvider.GetService(typeof(IOrganizationServiceFactory))
                    ?? throw new InvalidPluginExecutionException("The platform passed no IOrganizationServiceFactory.");
                _systemService = factory.CreateOrganizationService(null);
            }

            return _systemService;
        }
    }

    public void Trace(string format, params object[] args)
    {
        if (_tracing is null)
        {
            return;
        }

        var text = args is null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        // Braces in the finished text must not reach the platform's own string.Format.
        _tracing.Trace("[{0} ms] {1}", _stopwatch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture), text);
    }
}
