using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>The entry point Dataverse calls for each registered step.</summary>
public interface IPlugin
{
    void Execute(IServiceProvider serviceProvider);
}
