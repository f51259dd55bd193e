using System.Security.Cryptography;
using System.Text;
using Osprey.Server.Audit;

namespace Osprey.Server.Tests.Audit;

public sealed class MerkleTreeTests
{
    private static List<byte[]> Leaves(int n) => Enumerable.Range(0, n).Select(i => MerkleTree.LeafHash(Encoding.UTF8.GetBytes($"entry {i}"))).ToList();

    [Fact]
    public void Hashes_FollowRfc9162Prefixes()
    {
        var data = "abc"u8.ToArray();
        Assert.Equal(SHA256.HashData([0, .. data]), MerkleTree.LeafHash(data));
        var l = MerkleTree.LeafHash("l"u8);
        var r = MerkleTree.LeafHash("r"u8);
        Assert.Equal(SHA256.HashData([1, .. l, .. r]), MerkleTree.NodeHash(l, r));
        Assert.Equal(SHA256.HashData([]), MerkleTree.Root(Leaves(0)));
    }

    [Fact]
    public void Root_OfThreeLeaves_SplitsAtTwo()
    {
        var leaves = Leaves(3);
        Assert.Equal(MerkleTree.NodeHash(MerkleTree.NodeHash(leaves[0], leaves[1]), leaves[2]), MerkleTree.Root(leaves));
    }

    [Fact]
    public void InclusionProof_ForEveryLeafOfEveryTreeUpTo17_Verifies()
    {
        var leaves = Leaves(17);
        for (var n = 1; n <= 17; n++)
        {
            var root = MerkleTree.Root(leaves, 0, n);
            for (var m = 0; m < n; m++)
            {
                Assert.True(MerkleTree.VerifyInclusion(m, n, leaves[m], MerkleTree.InclusionProof(leaves, m, n), root), $"leaf {m} of {n}");
            }
        }
    }

    [Fact]
    public void ConsistencyProof_ForEveryPairOfSizesUpTo17_Verifies()
    {
        var leaves = Leaves(17);
        for (var n = 1; n <= 17; n++)
        {
            for (var m = 1; m <= n; m++)
            {
                var proof = MerkleTree.ConsistencyProof(leaves, m, n);
                Assert.True(MerkleTree.VerifyConsistency(m, n, MerkleTree.Root(leaves, 0, m), MerkleTree.Root(leaves, 0, n), proof), $"{m} → {n}");
            }
        }
    }

    [Fact]
    public void Proofs_AgainstAlteredHistory_Fail()
    {
        var leaves = Leaves(11);
        var rewritten = new List<byte[]>(leaves) { [4] = MerkleTree.LeafHash("forged"u8) };
        Assert.False(MerkleTree.VerifyConsistency(6, 11, MerkleTree.Root(leaves, 0, 6), MerkleTree.Root(rewritten), MerkleTree.ConsistencyProof(rewritten, 6, 11)));
        Assert.False(MerkleTree.VerifyInclusion(4, 11, leaves[4], MerkleTree.InclusionProof(rewritten, 4, 11), MerkleTree.Root(rewritten)));
    }
}
