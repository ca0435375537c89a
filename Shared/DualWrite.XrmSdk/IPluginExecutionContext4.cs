namespace Microsoft.Xrm.Sdk;

/// <summary>Adds one image set per target of the *Multiple messages.</summary>
public interface IPluginExecutionContext4 : IPluginExecutionContext3
{
    EntityImageCollection[] PreEntityImagesCollection { get; }

    EntityImageCollection[] PostEntityImagesCollection { get; }
}
