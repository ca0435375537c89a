using Microsoft.Xrm.Sdk;
using DualWrite.Plugins.WriteThrough;

namespace DualWrite.Plugins.Tests.WriteThrough;

public sealed class LoopGuardTests
{
    [Fact]
    public void The_tag_on_this_context_is_found_at_level_zero()
    {
        var context = new RemoteExecutionContext();
        context.SharedVariables["tag"] = "DualWrite";

        Assert.Equal(0, LoopGuard.FindTag(context, "DualWrite"));
    }

    [Fact]
    public void The_tag_on_a_parent_context_is_found_with_its_distance()
    {
        var grandparent = new RemoteExecutionContext();
        grandparent.SharedVariables["tag"] = "DualWrite";
        var parent = new RemoteExecutionContext { ParentContext = grandparent };
        var context = new RemoteExecutionContext { ParentContext = parent };

        Assert.Equal(2, LoopGuard.FindTag(context, "DualWrite"));
    }

    [Theory]
    [InlineData("dualwrite")]
    [InlineData("Other")]
    [InlineData("")]
    public void Another_tag_or_a_different_case_is_not_the_integrations_write(string tag)
    {
        var context = new RemoteExecutionContext();
        context.SharedVariables["tag"] = tag;

        Assert.Equal(-1, LoopGuard.FindTag(context, "DualWrite"));
    }

    [Fact]
    public void A_context_without_shared_variables_is_not_tagged()
    {
        Assert.Equal(-1, LoopGuard.FindTag(new RemoteExecutionContext { SharedVariables = null! }, "DualWrite"));
    }
}
