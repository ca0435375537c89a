using System;
using System.Linq;
using DualWrite.Emulators.Dataverse.Builder;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Plugins.Base;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Plugins.Tests.Base;

public sealed class PluginBaseTests
{
    [Fact]
    public void An_unexpected_exception_becomes_a_readable_InvalidPluginExecutionException_and_the_save_rolls_back()
    {
        using var dataverse = Dataverse<ThrowingPlugin>();

        var error = Assert.Throws<InvalidPluginExecutionException>(() => dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.Equal("DualWrite could not process this Create of account: something unexpected", error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Empty(dataverse.Snapshot().Tables["account"]);
        Assert.Contains(dataverse.Traces, t => t.Text.Contains("ThrowingPlugin failed unexpectedly: System.InvalidOperationException: something unexpected", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_trace_line_is_stamped_with_the_milliseconds_since_entry_and_entry_and_exit_are_traced()
    {
        using var dataverse = Dataverse<TracingPlugin>();

        dataverse.Service.Create(new Entity("account") { ["name"] = "Contoso" });

        var lines = dataverse.Traces.Select(t => t.Text).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, line => Assert.Matches(@"^\[\d+ ms\] ", line));
        Assert.Contains("TracingPlugin entered: Create of account", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("hello {braces} stay", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("TracingPlugin exited.", lines[2], StringComparison.Ordinal);
    }

    private static DualWrite.Emulators.Dataverse.InMemoryDataverse Dataverse<TPlugin>()
        where TPlugin : IPlugin =>
        new InMemoryDataverseBuilder()
            .AddTable("account", t => t.PrimaryName("name"))
            .AddStep(StepRegistration.For<TPlugin>("Create", "account", PipelineStage.PostOperation))
            .Build();

    private sealed class ThrowingPlugin : PluginBase
    {
        protected override void ExecuteCore(LocalPluginContext context) => throw new InvalidOperationException("something unexpected");
    }

    private sealed class TracingPlugin : PluginBase
    {
        protected override void ExecuteCore(LocalPluginContext context) => context.Trace("{0}", "hello {braces} stay");
    }
}
