using Osprey.Bench.Cli;

namespace Osprey.Bench.Commands;

/// <summary>Guards the rule that generated projects never go inside a scanned checkout.</summary>
internal static class WorkFolder
{
    /// <summary>Throws when <paramref name="work"/> is <paramref name="checkout"/> or inside it.</summary>
    public static void EnsureOutside(string work, string checkout)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(checkout), Path.GetFullPath(work));
        if (relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative)))
        {
            throw new BenchUsageException($"The work folder '{work}' is inside the scanned checkout '{checkout}': choose one outside it.");
        }
    }
}
