using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Secrets;

/// <summary>
/// A JSON file of settings that are secrets, shaped like appsettings.json
/// (<c>{"DualWrite":{"FinOps":{"ClientSecret":"..."}}}</c>), named by <c>--secrets-file PATH</c>,
/// <c>--DualWrite:SecretsFile=PATH</c> or the <c>DUALWRITE_SECRETS_FILE</c> environment variable. It is read last,
/// so its values win. On Unix it must not be readable by group or others (chmod 600), as ssh insists for its keys.
/// </summary>
public static class SecretsFile
{
    public const string Option = "secrets-file";

    public const string SettingKey = "DualWrite:SecretsFile";

    public const string EnvironmentVariable = "DUALWRITE_SECRETS_FILE";

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The file named in <paramref name="configuration"/>, or null.</summary>
    public static string? PathIn(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration[Option] ?? configuration[SettingKey] ?? configuration[EnvironmentVariable];
        return string.IsNullOrWhiteSpace(path) ? null : path;
    }

    /// <summary>
    /// Adds the named file to <paramref name="configuration"/>. Throws <see cref="OptionsValidationException"/>
    /// (reported with the other configuration problems, exit code 2) when it is missing, unreadable or open to others.
    /// </summary>
    public static void AddTo(IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (PathIn(configuration) is not { } path)
        {
            return;
        }

        var full = Path.GetFullPath(path);
        var problems = Check(full);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(SettingKey, typeof(SecretsFile), problems);
        }

        configuration.AddJsonFile(full, optional: false, reloadOnChange: false);
    }

    /// <summary>What is wrong with the file at <paramref name="path"/>; empty when it can be used.</summary>
    public static IReadOnlyList<string> Check(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return ["The secrets file " + path + " (" + SettingKey + ", --" + Option + " or " + EnvironmentVariable + ") does not exist."];
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & GroupOrOthers) != 0)
            {
                return ["The secrets file " + path + " can be read or changed by other users (mode " + Octal(mode) + "): run 'chmod 600 " + path + "'."];
            }
        }

        return [];
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');
}
