using System.Collections.Concurrent;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Runs one action per component of a call graph, each only after every component it calls has
/// finished, on up to a fixed number of threads. A component starts the moment its last callee
/// finishes: there is no barrier between levels, so threads do not sit idle (spinning, which costs
/// CPU) while one slow component holds back a whole level of ready work.
/// </summary>
internal static class BottomUpScheduler
{
    /// <summary>
    /// Calls <paramref name="run"/> for every component of <paramref name="graph"/>, callees before
    /// callers, on at most <paramref name="options"/>' degree of parallelism (the calling thread is one of them).
    /// The first exception stops the run and is rethrown.
    /// </summary>
    public static void Run(ComponentGraph graph, ParallelOptions options, Action<int> run)
    {
        var count = graph.Count;
        if (count == 0)
        {
            return;
        }

        var waiting = new int[count];
        var ready = new ConcurrentStack<int>();
        for (var c = 0; c < count; c++)
        {
            waiting[c] = graph.CalleeCount(c);
            if (waiting[c] == 0)
            {
                ready.Push(c);
            }
        }

        var threads = Math.Clamp(options.MaxDegreeOfParallelism, 1, Environment.ProcessorCount * 4);
        if (threads == 1)
        {
            RunSequentially(graph, waiting, ready, options.CancellationToken, run);
            return;
        }

        var remaining = count;
        using var signal = new SemaphoreSlim(ready.Count);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
        Exception? failure = null;

        void Worker()
        {
            try
            {
                while (true)
                {
                    signal.Wait(stop.Token);
                    if (Volatile.Read(ref remaining) == 0 || !ready.TryPop(out var component))
                    {
                        return;
                    }

                    run(component);
                    var released = 0;
                    foreach (var caller in graph.CallersOf(component))
                    {
                        if (Interlocked.Decrement(ref waiting[caller]) == 0)
                        {
                            ready.Push(caller);
                            released++;
                        }
                    }

                    if (Interlocked.Decrement(ref remaining) == 0)
                    {
                        // Wake every worker so each sees that nothing is left.
                        signal.Release(threads);
                        return;
                    }

                    if (released > 0)
                    {
                        signal.Release(released);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                stop.Cancel();
            }
        }

        var others = new Task[threads - 1];
        for (var t = 0; t < others.Length; t++)
        {
            // Own threads, not pool threads: a worker blocks while it waits for ready components, and the
            // pool (busy with the other projects' analyses) would start a queued worker only late.
            others[t] = Task.Factory.StartNew(Worker, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Worker();
        Task.WaitAll(others);
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        options.CancellationToken.ThrowIfCancellationRequested();
    }

    private static void RunSequentially(ComponentGraph graph, int[] waiting, ConcurrentStack<int> ready, CancellationToken cancellationToken, Action<int> run)
    {
        while (ready.TryPop(out var component))
        {
            cancellationToken.ThrowIfCancellationRequested();
            run(component);
            foreach (var caller in graph.CallersOf(component))
            {
                if (--waiting[caller] == 0)
                {
                    ready.Push(caller);
                }
            }
        }
    }
}
