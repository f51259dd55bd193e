using System.Globalization;

namespace Osprey.CSharp.Proof.Sandbox;

/// <summary>
/// A writable pids cgroup (v1 <c>/sys/fs/cgroup/pids</c> or v2 <c>/sys/fs/cgroup</c> with the pids
/// controller) under which each sandboxed run gets a group with its own <c>pids.max</c>. Unlike
/// RLIMIT_NPROC it holds for root and inside user namespaces.
/// </summary>
public sealed class PidsCgroupRoot
{
    private PidsCgroupRoot(string path) => Path = path;

    /// <summary>The directory under which run groups are created.</summary>
    public string Path { get; }

    /// <summary>Returns the root when a group can be created and limited here, else null.</summary>
    public static PidsCgroupRoot? TryCreate()
    {
        foreach (var candidate in new[] { "/sys/fs/cgroup/pids", "/sys/fs/cgroup" })
        {
            if (!File.Exists(System.IO.Path.Combine(candidate, "cgroup.procs")))
            {
                continue;
            }

            var root = new PidsCgroupRoot(candidate);
            var probe = root.TryCreateGroup(8);
            if (probe is not null)
            {
                probe.Dispose();
                return root;
            }
        }

        return null;
    }

    /// <summary>Creates a group limited to <paramref name="maxProcesses"/>, or null when that fails.</summary>
    public PidsCgroup? TryCreateGroup(int maxProcesses)
    {
        var group = System.IO.Path.Combine(Path, "osprey-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            Directory.CreateDirectory(group);
            File.WriteAllText(System.IO.Path.Combine(group, "pids.max"), maxProcesses.ToString(CultureInfo.InvariantCulture));
            return new PidsCgroup(group);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                Directory.Delete(group);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // The group was never created or cannot be removed: nothing of ours is in it.
            }

            return null;
        }
    }
}
