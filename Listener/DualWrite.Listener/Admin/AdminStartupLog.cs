using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Admin;

internal static partial class AdminStartupLog
{
    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "No admin key is configured (DualWrite:Admin:ApiKey): the admin API and the dashboard answer loopback callers only, without authentication, and the listener refuses to listen on any other address. Set DUALWRITE__ADMIN__APIKEY to protect them and to use them from another machine.")]
    public static partial void NoApiKey(ILogger logger);
}
