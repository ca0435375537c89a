using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>The ITracingService given to one step execution; lines go to the engine's trace log.</summary>
internal sealed class TracingService : ITracingService
{
    private readonly TraceLog _log;
    private readonly string _stepName;
    private readonly PluginExecutionContext _context;

    public TracingService(TraceLog log, string stepName, PluginExecutionContext context)
    {
        _log = log;
        _stepName = stepName;
        _context = context;
    }

    public void Trace(string format, params object[] args)
    {
        // Like the platform: a format with no arguments is written as is, so braces in it are harmless.
        var text = args is null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
        _log.Add(new TraceEntry(_stepName, _context.MessageName, _context.PrimaryEntityName, _context.Stage, _context.Depth, _context.CorrelationId, text ?? string.Empty));
    }
}
