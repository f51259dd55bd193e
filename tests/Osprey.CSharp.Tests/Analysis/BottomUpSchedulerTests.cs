using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Osprey.CSharp.Analysis.Taint;

namespace Osprey.CSharp.Tests.Analysis;

public sealed class BottomUpSchedulerTests
{
    // A diamond over a chain: 0 and 1 are leaves, 2 calls both, 3 calls 2, 4 calls 1 and 3, 5 is alone.
    private static readonly int[][] Diamond = [[], [], [0, 1], [2], [1, 3], []];

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Run_Graph_RunsEveryComponentOnceAfterItsCallees(int threads)
    {
        var finished = new ConcurrentDictionary<int, long>();
        var started = new ConcurrentDictionary<int, long>();
        long clock = 0;

        BottomUpScheduler.Run(Graph(Diamond), Options(threads), c =>
        {
            started[c] = Interlocked.Increment(ref clock);
            Thread.Sleep(5);
            Assert.True(finished.TryAdd(c, Interlocked.Increment(ref clock)), $"component {c} ran twice");
        });

        Assert.Equal(Diamond.Length, finished.Count);
        for (var c = 0; c < Diamond.Length; c++)
        {
            foreach (var callee in Diamond[c])
            {
                Assert.True(finished[callee] < started[c], $"component {c} started before its callee {callee} finished");
            }
        }
    }

    [Fact]
    public void Run_IndependentSlowComponents_OverlapOnSeveralThreads()
    {
        var running = 0;
        var most = 0;

        BottomUpScheduler.Run(Graph([[], [], [], []]), Options(4), _ =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.Sleep(100);
            Interlocked.Decrement(ref running);
        });

        Assert.True(most > 1, "independent components never ran at the same time");
    }

    [Fact]
    public void Run_ComponentThrows_RethrowsAndStopsStartingOthers()
    {
        var ran = new ConcurrentBag<int>();

        var error = Assert.Throws<InvalidOperationException>(() => BottomUpScheduler.Run(Graph([[], [0], [1], [2]]), Options(2), c =>
        {
            ran.Add(c);
            if (c == 1)
            {
                throw new InvalidOperationException("boom");
            }
        }));

        Assert.Equal("boom", error.Message);
        Assert.DoesNotContain(2, ran);
        Assert.DoesNotContain(3, ran);
    }

    [Fact]
    public void Run_Cancelled_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var options = new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancel.Token };

        Assert.ThrowsAny<OperationCanceledException>(() => BottomUpScheduler.Run(Graph([[], [0], [1]]), options, c =>
        {
            if (c == 0)
            {
                cancel.Cancel();
            }
        }));
    }

    private static ComponentGraph Graph(int[][] callees) =>
        new([.. Enumerable.Repeat(ImmutableArray<IMethodSymbol>.Empty, callees.Length)], callees);

    private static ParallelOptions Options(int threads) => new() { MaxDegreeOfParallelism = threads };

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
