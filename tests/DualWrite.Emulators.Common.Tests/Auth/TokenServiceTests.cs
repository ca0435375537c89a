using System;
using DualWrite.Emulators.Common.Auth;

namespace DualWrite.Emulators.Common.Tests.Auth;

public sealed class TokenServiceTests
{
    [Fact]
    public void A_client_id_in_another_case_gets_a_token_for_the_registered_client()
    {
        var registered = new TestClient(DefaultEmulatorClient.ClientId, "secret");
        var tokens = new TokenService([registered], TimeProvider.System);

        var token = tokens.Issue("DUALWRITE-EMULATOR", "secret");

        Assert.Same(registered, tokens.Validate(token));
        Assert.Null(tokens.Issue(DefaultEmulatorClient.ClientId, "SECRET"));
    }

    [Fact]
    public void A_client_given_again_replaces_the_earlier_entry_so_the_default_client_can_get_another_secret()
    {
        var tokens = new TokenService([new TestClient(DefaultEmulatorClient.ClientId, "default"), new TestClient(DefaultEmulatorClient.ClientId, "other")], TimeProvider.System);

        Assert.Null(tokens.Issue(DefaultEmulatorClient.ClientId, "default"));
        Assert.NotNull(tokens.Issue(DefaultEmulatorClient.ClientId, "other"));
    }

    [Fact]
    public void With_no_clients_registered_any_id_with_a_secret_is_accepted_and_nothing_without()
    {
        var tokens = new TokenService([], TimeProvider.System);

        var token = tokens.Issue("anyone", "anything");

        Assert.Equal("anyone", tokens.Validate(token)?.ClientId);
        Assert.Null(tokens.Issue("anyone", ""));
        Assert.False(tokens.IsKnownClient(""));
        Assert.Null(tokens.Validate(null));
    }
}
