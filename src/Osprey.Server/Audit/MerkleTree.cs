using System.Security.Cryptography;

namespace Osprey.Server.Audit;

/// <summary>
/// RFC 9162 (Certificate Transparency 2.0) Merkle tree hashing over a list of leaf hashes:
/// leaf = SHA-256(0x00 || data), node = SHA-256(0x01 || left || right), the tree split at the
/// largest power of two smaller than its size. Proof generation follows section 2.1.3 and 2.1.4;
/// verification follows the algorithms of the same sections.
/// </summary>
internal static class MerkleTree
{
    public static byte[] EmptyRoot { get; } = SHA256.HashData([]);

    public static byte[] LeafHash(ReadOnlySpan<byte> data)
    {
        var buffer = new byte[data.Length + 1];
        data.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[65];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[33..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>MTH(D[start:start+count]).</summary>
    public static byte[] Root(IReadOnlyList<byte[]> leaves, int start, int count)
    {
        if (count == 0) return EmptyRoot;
        if (count == 1) return leaves[start];
        var k = LargestPowerOfTwoBelow(count);
        return NodeHash(Root(leaves, start, k), Root(leaves, start + k, count - k));
    }

    public static byte[] Root(IReadOnlyList<byte[]> leaves) => Root(leaves, 0, leaves.Count);

    /// <summary>PATH(m, D[start:start+count]): the audit path of leaf <paramref name="index"/>.</summary>
    public static List<byte[]> InclusionProof(IReadOnlyList<byte[]> leaves, int index, int count, int start = 0)
    {
        var path = new List<byte[]>();
        if (count <= 1) return path;
        var k = LargestPowerOfTwoBelow(count);
        if (index < k)
        {
            path.AddRange(InclusionProof(leaves, index, k, start));
            path.Add(Root(leaves, start + k, count - k));
        }
        else
        {
            path.AddRange(InclusionProof(leaves, index - k, count - k, start + k));
            path.Add(Root(leaves, start, k));
        }

        return path;
    }

    /// <summary>PROOF(m, D[0:n]): the consistency proof between tree sizes <paramref name="first"/> and <paramref name="second"/>.</summary>
    public static List<byte[]> ConsistencyProof(IReadOnlyList<byte[]> leaves, int first, int second)
    {
        var proof = new List<byte[]>();
        if (first > 0 && first < second) SubProof(leaves, first, 0, second, true, proof);
        return proof;
    }

    private static void SubProof(IReadOnlyList<byte[]> leaves, int m, int start, int n, bool complete, List<byte[]> proof)
    {
        if (m == n)
        {
            if (!complete) proof.Add(Root(leaves, start, n));
            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            SubProof(leaves, m, start, k, complete, proof);
            proof.Add(Root(leaves, start + k, n - k));
        }
        else
        {
            SubProof(leaves, m - k, start + k, n - k, false, proof);
            proof.Add(Root(leaves, start, k));
        }
    }

    /// <summary>RFC 9162 section 2.1.3.2: verifies an inclusion proof against a root.</summary>
    public static bool VerifyInclusion(long index, long treeSize, byte[] leafHash, IReadOnlyList<byte[]> proof, byte[] root)
    {
        if (index >= treeSize) return false;
        long fn = index, sn = treeSize - 1;
        var r = leafHash;
        foreach (var p in proof)
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0) { fn >>= 1; sn >>= 1; }
                }
            }
            else
            {
                r = NodeHash(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>RFC 9162 section 2.1.4.2: verifies a consistency proof between two roots.</summary>
    public static bool VerifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, IReadOnlyList<byte[]> proof)
    {
        if (first > second) return false;
        if (first == second) return proof.Count == 0 && firstRoot.AsSpan().SequenceEqual(secondRoot);
        if (first == 0) return proof.Count == 0;
        if (proof.Count == 0) return false;
        var path = new List<byte[]>(proof);
        if (IsPowerOfTwo(first)) path.Insert(0, firstRoot);
        long fn = first - 1, sn = second - 1;
        while ((fn & 1) == 1) { fn >>= 1; sn >>= 1; }
        byte[] fr = path[0], sr = path[0];
        for (var i = 1; i < path.Count; i++)
        {
            var c = path[i];
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0) { fn >>= 1; sn >>= 1; }
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(firstRoot) && sr.AsSpan().SequenceEqual(secondRoot);
    }

    private static bool IsPowerOfTwo(long n) => (n & (n - 1)) == 0;

    private static int LargestPowerOfTwoBelow(int n)
    {
        var k = 1;
        while (k << 1 < n) k <<= 1;
        return k;
    }
}
