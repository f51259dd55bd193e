using Osprey.CSharp.Analysis.Taint;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>The blocks waiting for a visit come out lowest ordinal first, each once however often added.</summary>
public sealed class BlockWorklistTests
{
    [Fact]
    public void TryTake_BlocksAddedOutOfOrder_LowestOrdinalFirst()
    {
        var queue = new BlockWorklist(200);
        foreach (var block in new[] { 130, 5, 64, 63, 199, 0 })
        {
            queue.Add(block);
        }

        Assert.Equal([0, 5, 63, 64, 130, 199], Drain(queue));
    }

    [Fact]
    public void Add_BlockAlreadyWaiting_TakenOnce()
    {
        var queue = new BlockWorklist(10);
        queue.Add(3);
        queue.Add(3);

        Assert.Equal([3], Drain(queue));
    }

    [Fact]
    public void Add_LowerBlockAfterTakingHigherOnes_TakenNext()
    {
        // A loop's back edge re-queues its head, which lies before the block being visited.
        var queue = new BlockWorklist(150);
        queue.Add(140);
        queue.Add(100);
        Assert.True(queue.TryTake(out var first));
        queue.Add(2);

        Assert.Equal(100, first);
        Assert.Equal([2, 140], Drain(queue));
    }

    private static List<int> Drain(BlockWorklist queue)
    {
        var taken = new List<int>();
        while (queue.TryTake(out var block))
        {
            taken.Add(block);
        }

        return taken;
    }
}
