using System.Collections.Generic;
using DualWrite.Core.Events;

namespace DualWrite.Emulators.FinOps.Tests.Support;

/// <summary>An event as the receiver got it: parsed, raw, and the request headers.</summary>
internal sealed record ReceivedEvent(FinOpsChangeEvent Event, string Json, IReadOnlyDictionary<string, string> Headers);
