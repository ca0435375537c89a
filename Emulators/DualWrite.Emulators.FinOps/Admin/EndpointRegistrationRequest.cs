using System.Collections.Generic;

namespace DualWrite.Emulators.FinOps.Admin;

/// <summary><c>POST /_emulator/events/endpoints</c>: register (or replace by name) an endpoint events are POSTed to.</summary>
public sealed record EndpointRegistrationRequest(string Name, string Url, Dictionary<string, string>? Headers = null);
