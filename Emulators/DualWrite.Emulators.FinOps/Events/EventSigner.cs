using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace DualWrite.Emulators.FinOps.Events;

/// <summary>
/// Signs deliveries for an endpoint with a <see cref="EventEndpoint.SigningKey"/>: the timestamp header carries Unix
/// milliseconds, the signature header <c>sha256=&lt;hex HMAC-SHA256(key, "&lt;timestamp&gt;." + UTF-8 body)&gt;</c>.
/// Every attempt is signed afresh, and timestamps never repeat for one signer (a duplicated delivery within the
/// same millisecond gets the next one), so a receiver that refuses seen signatures refuses only true replays.
/// </summary>
internal sealed class EventSigner(string key, TimeProvider time)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);
    private long _lastTimestamp;

    public (string Timestamp, string Signature) Sign(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var milliseconds = NextTimestamp();
        var timestamp = milliseconds.ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes(timestamp + "." + body);
        return (timestamp, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, signed)));
    }

    private long NextTimestamp()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        while (true)
        {
            var last = Interlocked.Read(ref _lastTimestamp);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _lastTimestamp, next, last) == last)
            {
                return next;
            }
        }
    }
}
