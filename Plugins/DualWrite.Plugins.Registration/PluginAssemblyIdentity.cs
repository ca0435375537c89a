using System;
using DualWrite.Plugins.WriteThrough;

namespace DualWrite.Plugins.Registration;

/// <summary>The deployable plug-in assembly's identity, as the solution names it.</summary>
public static class PluginAssemblyIdentity
{
    /// <summary>
    /// The public key token of Plugins/DualWrite.Plugins/DualWrite.Plugins.snk, which signs the Official
    /// build (read from an assembly signed with that key; replace it together with the key).
    /// </summary>
    public const string PublicKeyToken = "9943c234ab250109";

    public static string AssemblyName => typeof(WriteThroughPlugin).Assembly.GetName().Name!;

    public static string Version => typeof(WriteThroughPlugin).Assembly.GetName().Version!.ToString();

    public static string FullName => AssemblyName + ", Version=" + Version + ", Culture=neutral, PublicKeyToken=" + PublicKeyToken;

    public static string PluginTypeName => typeof(WriteThroughPlugin).FullName!;

    public static string PluginTypeQualifiedName => PluginTypeName + ", " + FullName;

    /// <summary>SolutionPackager's name for the assembly's folder and files: the name without dots.</summary>
    public static string FileStem => AssemblyName.Replace(".", string.Empty, StringComparison.Ordinal);

    public static Guid AssemblyId => NameBasedGuid.Create("assembly/" + AssemblyName);

    public static Guid PluginTypeId => NameBasedGuid.Create("plugintype/" + PluginTypeName);
}
