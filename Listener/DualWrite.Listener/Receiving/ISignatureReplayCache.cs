using System;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Receiving;

/// <summary>
/// The signatures accepted within the signature window. A signature is remembered until its timestamp leaves the
/// window (after that the timestamp alone refuses it), so the cache is bounded by the window's traffic.
/// </summary>
public interface ISignatureReplayCache
{
    /// <summary>
    /// Records <paramref name="signature"/> until <paramref name="forgetAfter"/>; false when it was recorded
    /// before (a replay). Atomic across the instances sharing the state database.
    /// </summary>
    Task<bool> TryRecordAsync(ReadOnlyMemory<byte> signature, DateTimeOffset forgetAfter, CancellationToken cancellationToken);
}
