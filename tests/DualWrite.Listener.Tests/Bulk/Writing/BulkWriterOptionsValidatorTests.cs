using DualWrite.Listener.Bulk.Writing;

namespace DualWrite.Listener.Tests.Bulk.Writing;

public sealed class BulkWriterOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.True(new BulkWriterOptionsValidator().Validate(null, new BulkWriterOptions()).Succeeded);

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = new BulkWriterOptionsValidator().Validate(null, new BulkWriterOptions { BatchSize = 0, MaxConcurrency = 2, InitialConcurrency = 3, SlowLatencyFactor = 1 });

        Assert.False(result.Succeeded);
        var text = string.Join("\n", result.Failures!);
        Assert.Contains("DualWrite:Bulk:BatchSize", text, System.StringComparison.Ordinal);
        Assert.Contains("InitialConcurrency", text, System.StringComparison.Ordinal);
        Assert.Contains("SlowLatencyFactor", text, System.StringComparison.Ordinal);
    }
}
