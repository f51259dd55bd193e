using System.Numerics;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// The blocks of one graph waiting to be (re)visited, taken lowest ordinal first so that a block is
/// visited after the blocks before it in the graph's order. A bit per block: adding and taking
/// allocate nothing, where a sorted set allocated a node per add.
/// </summary>
internal sealed class BlockWorklist
{
    private readonly ulong[] _bits;
    private int _lowestWord;

    /// <summary>An empty worklist for a graph of <paramref name="blocks"/> blocks.</summary>
    public BlockWorklist(int blocks) => _bits = new ulong[(blocks + 63) / 64];

    /// <summary>Adds block <paramref name="ordinal"/>; adding a waiting block again changes nothing.</summary>
    public void Add(int ordinal)
    {
        var word = ordinal >> 6;
        _bits[word] |= 1UL << (ordinal & 63);
        _lowestWord = Math.Min(_lowestWord, word);
    }

    /// <summary>Takes the waiting block with the lowest ordinal; false when none waits.</summary>
    public bool TryTake(out int ordinal)
    {
        for (; _lowestWord < _bits.Length; _lowestWord++)
        {
            var bits = _bits[_lowestWord];
            if (bits != 0)
            {
                var bit = BitOperations.TrailingZeroCount(bits);
                _bits[_lowestWord] = bits & (bits - 1);
                ordinal = (_lowestWord << 6) + bit;
                return true;
            }
        }

        ordinal = -1;
        return false;
    }
}
