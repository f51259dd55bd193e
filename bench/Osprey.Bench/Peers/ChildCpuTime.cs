using System.Runtime.InteropServices;

namespace Osprey.Bench.Peers;

/// <summary>
/// CPU time used by this process's finished children and their descendants (<c>getrusage(RUSAGE_CHILDREN)</c>).
/// On a shared machine wall time depends on everyone else's load; the CPU a build consumed does much less.
/// </summary>
internal static partial class ChildCpuTime
{
    private const int RusageChildren = -1;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeVal
    {
        public long Seconds;
        public long Microseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct Rusage
    {
        public TimeVal User;
        public TimeVal System;
        public fixed long Rest[14];
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out Rusage usage);

    /// <summary>User plus system seconds of all reaped children so far; null where getrusage is unavailable.</summary>
    public static double? Total()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return null;
        }

        try
        {
            return GetRusage(RusageChildren, out var usage) == 0
                ? usage.User.Seconds + (usage.User.Microseconds / 1e6) + usage.System.Seconds + (usage.System.Microseconds / 1e6)
                : null;
        }
        catch (DllNotFoundException)
        {
            return null;
        }
    }
}
