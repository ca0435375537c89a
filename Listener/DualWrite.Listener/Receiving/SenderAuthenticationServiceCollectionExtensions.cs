using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DualWrite.Listener.Receiving;

public static class SenderAuthenticationServiceCollectionExtensions
{
    /// <summary>The sender authenticator and its replay cache (in the state database; register your own first to replace it).</summary>
    public static IServiceCollection AddSenderAuthentication(this IServiceCollection services)
    {
        services.TryAddSingleton<ISignatureReplayCache, StateSignatureReplayCache>();
        services.TryAddSingleton<SenderAuthenticator>();
        return services;
    }
}
