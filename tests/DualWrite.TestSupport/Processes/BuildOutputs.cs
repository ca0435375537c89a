using System;
using System.IO;

namespace DualWrite.TestSupport.Processes;

/// <summary>
/// Where the processes a test program starts are: the repository root (the folder of DualWrite.Plugins.sln) and the
/// emulators', listener's and plug-in's assemblies of the same configuration, built with that program (its project references).
/// </summary>
public sealed class BuildOutputs
{
    private const string TargetFramework = "net10.0";

    private BuildOutputs(string root, string configuration)
    {
        Root = root;
        FinOpsEmulator = Output(root, configuration, "Emulators/DualWrite.Emulators.FinOps", "DualWrite.Emulators.FinOps.dll");
        DataverseEmulator = Output(root, configuration, "Emulators/DualWrite.Emulators.Dataverse", "DualWrite.Emulators.Dataverse.dll");
        Listener = Output(root, configuration, "Listener/DualWrite.Listener", "dualwrite.dll");
        PlugIn = Output(root, configuration, "Plugins/DualWrite.Plugins", "DualWrite.Plugins.dll");
        Solution = Path.Combine(root, "solution");
    }

    public string Root { get; }

    public string FinOpsEmulator { get; }

    public string DataverseEmulator { get; }

    /// <summary>The <c>dualwrite</c> executable's assembly (run with <c>dotnet</c>).</summary>
    public string Listener { get; }

    /// <summary>The net10.0 plug-in the Dataverse emulator loads for the solution's steps.</summary>
    public string PlugIn { get; }

    /// <summary>The committed Dataverse solution (its plug-in steps).</summary>
    public string Solution { get; }

    /// <summary>The outputs of <paramref name="configuration"/>; <paramref name="project"/> names the program whose build brings them (for the message when one is missing).</summary>
    public static BuildOutputs Find(string configuration, string project = "tests/DualWrite.Sync.Benchmarks")
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DualWrite.Plugins.sln")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new InvalidOperationException("DualWrite.Plugins.sln not found above " + AppContext.BaseDirectory + ": run it from the repository.");
        var outputs = new BuildOutputs(root, configuration);
        foreach (var assembly in new[] { outputs.FinOpsEmulator, outputs.DataverseEmulator, outputs.Listener })
        {
            if (!File.Exists(assembly))
            {
                throw new InvalidOperationException(assembly + " is missing: build with 'dotnet build -c " + configuration + " tests/DualWrite.Sync.Benchmarks' (dotnet run -c " + configuration + " does).");
            }
        }

        return outputs;
    }

    private static string Output(string root, string configuration, string project, string assembly)
    {
        var folder = Path.Combine(root, project, "bin", configuration, TargetFramework);
        var path = Path.Combine(folder, assembly);
        if (!File.Exists(path) && assembly == "dualwrite.dll")
        {
            // The listener's assembly is named after the project unless AssemblyName says otherwise.
            var named = Path.Combine(folder, "DualWrite.Listener.dll");
            return File.Exists(named) ? named : path;
        }

        return path;
    }
}
