using System;

namespace XairrosX.Blockchain.Crypto;

/// <summary>The deterministic nonce generator of RFC 6979 §3.2 with HMAC-SHA256 (as libsecp256k1 uses it).</summary>
internal ref struct Rfc6979Nonce
{
    private Span<byte> _k;
    private Span<byte> _v;
    private bool _first;

    /// <param name="secretKey">int2octets(x), 32 bytes.</param>
    /// <param name="message">bits2octets(h1): the message hash reduced mod n, 32 bytes.</param>
    /// <param name="extraData">Optional additional data k' of §3.6 (empty for plain RFC 6979).</param>
    /// <param name="kBuffer">32 bytes of scratch for K.</param>
    /// <param name="vBuffer">32 bytes of scratch for V.</param>
    public Rfc6979Nonce(ReadOnlySpan<byte> secretKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> extraData, Span<byte> kBuffer, Span<byte> vBuffer)
    {
        _k = kBuffer;
        _v = vBuffer;
        _v.Fill(0x01);
        _k.Clear();
        ReadOnlySpan<byte> zero = [0x00];
        ReadOnlySpan<byte> one = [0x01];
        for (int round = 0; round < 2; round++)
        {
            var mac = new Hmac<Sha256>(_k);
            mac.Append(_v);
            mac.Append(round == 0 ? zero : one);
            mac.Append(secretKey);
            mac.Append(message);
            mac.Append(extraData);
            mac.Finish(_k);
            Hmac<Sha256>.Compute(_k, _v, _v);
        }
        _first = true;
    }

    /// <summary>Writes the next 32-byte candidate T (the caller rejects values outside [1, n-1] and calls again).</summary>
    public void Next(Span<byte> candidate)
    {
        if (!_first)
        {
            var mac = new Hmac<Sha256>(_k);
            mac.Append(_v);
            mac.Append([0x00]);
            mac.Finish(_k);
            Hmac<Sha256>.Compute(_k, _v, _v);
        }
        _first = false;
        Hmac<Sha256>.Compute(_k, _v, _v);
        _v.CopyTo(candidate);
    }
}
