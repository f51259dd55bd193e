namespace Osprey.CSharp.Analysis.Taint;

/// <summary>Tarjan's algorithm, iterative (call chains in real code are deeper than the stack allows for recursion).</summary>
internal static class StronglyConnectedComponents
{
    /// <summary>The components of the graph <paramref name="edges"/>, in reverse topological order (a component comes after the ones it reaches).</summary>
    public static List<List<int>> Find(IReadOnlyList<List<int>> edges)
    {
        var count = edges.Count;
        var indexOf = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        Array.Fill(indexOf, -1);
        var stack = new Stack<int>();
        var components = new List<List<int>>();
        var next = 0;
        var work = new Stack<(int Node, int Edge)>();
        for (var start = 0; start < count; start++)
        {
            if (indexOf[start] >= 0)
            {
                continue;
            }

            work.Push((start, 0));
            while (work.Count > 0)
            {
                var (node, edge) = work.Pop();
                if (edge == 0)
                {
                    indexOf[node] = low[node] = next++;
                    stack.Push(node);
                    onStack[node] = true;
                }
                else
                {
                    var child = edges[node][edge - 1];
                    low[node] = Math.Min(low[node], low[child]);
                }

                var descended = false;
                for (var e = edge; e < edges[node].Count; e++)
                {
                    var target = edges[node][e];
                    if (indexOf[target] < 0)
                    {
                        work.Push((node, e + 1));
                        work.Push((target, 0));
                        descended = true;
                        break;
                    }

                    if (onStack[target])
                    {
                        low[node] = Math.Min(low[node], indexOf[target]);
                    }
                }

                if (descended)
                {
                    continue;
                }

                if (low[node] == indexOf[node])
                {
                    var component = new List<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component.Add(member);
                    }
                    while (member != node);
                    components.Add(component);
                }
            }
        }

        return components;
    }
}
