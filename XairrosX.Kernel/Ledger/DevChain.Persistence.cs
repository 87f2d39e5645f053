using System;
using System.Buffers.Binary;
using XairrosX.Blockchain.Ethereum;
using XairrosX.Blockchain.Store;

namespace XairrosX.Kernel.Shell.Commands;

public sealed partial class DevChain
{
    private LogStructuredStore _store;

    /// <summary>
    /// The chain kept in <paramref name="store"/>: the deterministic genesis, then every stored block decoded and
    /// fully re-validated in order (seal, parent, state transition, roots). A block that fails stops the replay there
    /// (<paramref name="problem"/> says why) and the chain goes on from the last good block; mined blocks are added to
    /// the store, one commit each, so a power cut loses at most the block being written.
    /// </summary>
    public static DevChain Open(LogStructuredStore store, out int restored, out string problem)
    {
        var chain = new DevChain();
        restored = 0;
        problem = null;
        for (ulong number = 1; store.TryGet(BlockKey(number), out byte[] rlp) && rlp != null; number++)
        {
            EthBlock block;
            try
            {
                block = EthBlock.Decode(rlp);
            }
            catch (FormatException e)
            {
                problem = $"stored block {number} is malformed: {e.Message}";
                break;
            }
            string error = "its number is not " + number;
            if (block.Header.Number != number || !chain.TryAdopt(block, out error))
            {
                problem = $"stored block {number} does not validate: {error}";
                break;
            }
            restored++;
        }
        chain._store = store;
        return chain;
    }

    private void Persist(EthBlock block)
    {
        if (_store == null) return;
        _store.Put(BlockKey(block.Header.Number), block.Encode());
        _store.Commit();
    }

    private static byte[] BlockKey(ulong number)
    {
        byte[] key = new byte[9];
        key[0] = (byte)'B';
        BinaryPrimitives.WriteUInt64BigEndian(key.AsSpan(1), number);
        return key;
    }
}
