using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Secrets;

internal static partial class SecretsLog
{
    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "{Key} was given on the command line, where every user of this machine can read it (ps, /proc). Set it in the environment (DUALWRITE__...) or in a secrets file (--secrets-file PATH, chmod 600) instead.")]
    public static partial void SecretOnCommandLine(ILogger logger, string key);
}
