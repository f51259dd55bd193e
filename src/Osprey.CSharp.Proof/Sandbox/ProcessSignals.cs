using System.Runtime.InteropServices;

namespace Osprey.CSharp.Proof.Sandbox;

/// <summary>Sends SIGKILL to one process or a whole process group, by id.</summary>
internal static partial class ProcessSignals
{
    private const int SigKill = 9;

    /// <summary>Kills the process <paramref name="pid"/>; a process that is gone already is ignored.</summary>
    public static void Kill(int pid) => _ = NativeKill(pid, SigKill);

    /// <summary>Kills every process in the group led by <paramref name="groupId"/>.</summary>
    public static void KillGroup(int groupId) => _ = NativeKill(-groupId, SigKill);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int NativeKill(int pid, int signal);
}
