using System.Diagnostics;
using System.Globalization;

namespace Osprey.Bench.Throughput;

/// <summary>The current process's peak resident set size.</summary>
internal static class PeakMemory
{
    /// <summary>VmHWM from /proc/self/status on Linux, else <see cref="Process.PeakWorkingSet64"/>.</summary>
    public static long Bytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
