using Microsoft.Xrm.Sdk;

namespace DualWrite.XrmSdk.Tests;

/// <summary>Pins the serializable context's defaults and its explicit ParentContext.</summary>
public class RemoteExecutionContextTests
{
    [Fact]
    public void A_new_context_has_empty_parameter_and_image_collections()
    {
        var context = new RemoteExecutionContext();

        Assert.Empty(context.InputParameters);
        Assert.Empty(context.OutputParameters);
        Assert.Empty(context.SharedVariables);
        Assert.Empty(context.PreEntityImages);
        Assert.Empty(context.PostEntityImages);
    }

    [Fact]
    public void ParentContext_is_reachable_through_the_plugin_context_interface()
    {
        var parent = new RemoteExecutionContext { Stage = 10 };
        var context = new RemoteExecutionContext { Stage = 40, ParentContext = parent };

        IPluginExecutionContext asInterface = context;

        Assert.Same(parent, asInterface.ParentContext);
        Assert.Equal(40, asInterface.Stage);
    }
}
