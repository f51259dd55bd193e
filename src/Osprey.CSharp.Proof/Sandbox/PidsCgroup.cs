using System.Globalization;

namespace Osprey.CSharp.Proof.Sandbox;

/// <summary>One run's pids cgroup: the run's processes join it, and it is removed when disposed.</summary>
public sealed class PidsCgroup : IDisposable
{
    internal PidsCgroup(string path) => Path = path;

    /// <summary>The group's directory.</summary>
    public string Path { get; }

    /// <summary>The file a process writes its id to in order to join the group.</summary>
    public string ProcsFile => System.IO.Path.Combine(Path, "cgroup.procs");

    /// <summary>Whether a fork in the group was refused because <c>pids.max</c> was reached.</summary>
    public bool LimitWasHit()
    {
        try
        {
            foreach (var line in File.ReadAllLines(System.IO.Path.Combine(Path, "pids.events")))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && parts[0] == "max" && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var count) && count > 0)
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
            // No events file (an older kernel): the limit may still have held, it just cannot be told.
        }

        return false;
    }

    /// <summary>The ids of the processes still in the group.</summary>
    public IReadOnlyList<int> Members()
    {
        try
        {
            return File.ReadAllLines(ProcsFile)
                .Select(l => int.TryParse(l, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
                .Where(pid => pid > 0)
                .ToArray();
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>Removes the group, first killing anything left in it.</summary>
    public void Dispose()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            foreach (var pid in Members())
            {
                ProcessSignals.Kill(pid);
            }

            try
            {
                Directory.Delete(Path);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(20);
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }
}
