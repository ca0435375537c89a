using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Emulators.Dataverse.Metadata;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>
/// Registered steps, checked as the Plug-in Registration Tool checks them, and looked up per message, table,
/// stage and mode in rank order.
/// </summary>
internal sealed class StepRegistry
{
    /// <summary>Messages whose pipelines run plug-ins in this engine.</summary>
    internal static readonly IReadOnlySet<string> PipelineMessages = new HashSet<string>(StringComparer.Ordinal)
    {
        "Create", "Update", "Delete", "Upsert", "Retrieve", "RetrieveMultiple", "Associate", "Disassociate",
        "CreateMultiple", "UpdateMultiple", "UpsertMultiple",
    };

    private static readonly IReadOnlySet<string> FilteringMessages = new HashSet<string>(StringComparer.Ordinal)
    {
        "Update", "Upsert", "UpdateMultiple", "UpsertMultiple",
    };

    private readonly List<StepRegistration> _steps = [];

    // Every message asks four times (stages and modes); the answer only changes when a step is added.
    private readonly ConcurrentDictionary<(string Message, string? Table, PipelineStage Stage, StepMode Mode), IReadOnlyList<StepRegistration>> _found = new();

    public IReadOnlyList<StepRegistration> Steps => _steps;

    /// <summary>Checks what can be checked without table metadata, then adds the step.</summary>
    public void Add(StepRegistration step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var problems = new List<string>();
        var message = step.Message;
        if (string.IsNullOrWhiteSpace(message))
        {
            problems.Add("a message is required");
        }
        else if (!PipelineMessages.Contains(message))
        {
            problems.Add(message is "ExecuteMultiple" or "ExecuteTransaction"
                ? $"steps cannot be registered on {message}; register them on the messages it carries"
                : $"message '{message}' has no pipeline in this engine (supported: {string.Join(", ", PipelineMessages)})");
        }

        if (step.PluginType is null && step.PluginFactory is null)
        {
            problems.Add("a plug-in type or factory is required");
        }
        else if (step.PluginType is not null && !typeof(IPlugin).IsAssignableFrom(step.PluginType))
        {
            problems.Add($"{step.PluginType.FullName} does not implement IPlugin");
        }

        if (step.Stage is not (PipelineStage.PreValidation or PipelineStage.PreOperation or PipelineStage.PostOperation))
        {
            problems.Add($"stage {(int)step.Stage} is not a stage a step can use (10 PreValidation, 20 PreOperation, 40 PostOperation)");
        }

        if (step.Mode == StepMode.Asynchronous && step.Stage != PipelineStage.PostOperation)
        {
            problems.Add($"an asynchronous step must be registered on PostOperation (40), not {step.Stage} ({(int)step.Stage})");
        }

        if (step.FilteringAttributes.Count > 0 && !FilteringMessages.Contains(message ?? string.Empty))
        {
            problems.Add($"filtering attributes apply to Update (and Upsert/UpdateMultiple) only, not to {message}");
        }

        CheckImages(step, problems);
        if (problems.Count > 0)
        {
            throw new StepRegistrationException($"Step '{step.DisplayName}' on {message} of {step.Table ?? "any table"}: {string.Join("; ", problems)}.");
        }

        _steps.Add(step);
        _found.Clear();
    }

    /// <summary>A copy for an engine, so registering more steps on the builder later cannot change a built engine.</summary>
    public StepRegistry Copy()
    {
        var copy = new StepRegistry();
        copy._steps.AddRange(_steps);
        return copy;
    }

    /// <summary>Checks table and column names once the tables are known.</summary>
    public void Validate(MetadataRegistry metadata)
    {
        foreach (var step in _steps)
        {
            if (step.Table is null)
            {
                continue;
            }

            if (!metadata.TryGetTable(step.Table, out var table))
            {
                throw new StepRegistrationException($"Step '{step.DisplayName}' on {step.Message}: table '{step.Table}' is not declared.");
            }

            var unknown = step.FilteringAttributes.Concat(step.Images.SelectMany(i => i.Attributes))
                .Where(c => !table.HasColumn(c))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (unknown.Count > 0)
            {
                throw new StepRegistrationException(
                    $"Step '{step.DisplayName}' on {step.Message} of {step.Table}: table '{step.Table}' has no column {string.Join(", ", unknown)} (named in filtering attributes or images).");
            }
        }
    }

    /// <summary>Steps for one message, table, stage and mode: lowest rank first, registration order within a rank.</summary>
    public IReadOnlyList<StepRegistration> Find(string message, string? table, PipelineStage stage, StepMode mode)
        => _found.GetOrAdd((message, table, stage, mode), key => Search(key.Message, key.Table, key.Stage, key.Mode));

    private List<StepRegistration> Search(string message, string? table, PipelineStage stage, StepMode mode)
        => _steps
            .Select((step, index) => (step, index))
            .Where(s => s.step.Stage == stage
                && s.step.Mode == mode
                && string.Equals(s.step.Message, message, StringComparison.Ordinal)
                && (s.step.Table is null || string.Equals(s.step.Table, table, StringComparison.Ordinal)))
            .OrderBy(s => s.step.Rank)
            .ThenBy(s => s.index)
            .Select(s => s.step)
            .ToList();

    private static void CheckImages(StepRegistration step, List<string> problems)
    {
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in step.Images)
        {
            if (string.IsNullOrWhiteSpace(image.Alias))
            {
                problems.Add("an image needs an alias");
                continue;
            }

            if (!aliases.Add(image.Alias))
            {
                problems.Add($"image alias '{image.Alias}' is used twice");
            }

            switch (step.Message)
            {
                case "Create":
                    if (image.IsPre)
                    {
                        problems.Add($"image '{image.Alias}': Create has no pre-image (the record does not exist before it is created)");
                    }

                    if (image.IsPost && step.Stage != PipelineStage.PostOperation)
                    {
                        problems.Add($"image '{image.Alias}': a Create post-image exists only at PostOperation (40)");
                    }

                    break;
                case "Update":
                case "Upsert":
                    if (image.IsPost && step.Stage != PipelineStage.PostOperation)
                    {
                        problems.Add($"image '{image.Alias}': a post-image exists only at PostOperation (40)");
                    }

                    break;
                case "Delete":
                    if (image.IsPost)
                    {
                        problems.Add($"image '{image.Alias}': Delete has no post-image (the record is gone after it)");
                    }

                    break;
                default:
                    problems.Add($"image '{image.Alias}': message {step.Message} does not support entity images (Create, Update, Upsert and Delete do)");
                    break;
            }
        }
    }
}
