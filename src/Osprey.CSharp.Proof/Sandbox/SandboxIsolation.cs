namespace Osprey.CSharp.Proof.Sandbox;

/// <summary>Which isolation tool the sandbox uses, strongest first.</summary>
public enum SandboxIsolation
{
    /// <summary>
    /// bubblewrap: new user, network, PID, IPC and UTS namespaces, the whole file system mounted
    /// read-only except the working directory, no capabilities.
    /// </summary>
    Bubblewrap = 0,
    /// <summary>
    /// util-linux <c>unshare</c>: new network and PID namespaces; the file system stays writable
    /// where the user may write.
    /// </summary>
    Unshare = 1,
    /// <summary>A plain child process with resource limits only: it has the network and the file system.</summary>
    None = 2,
}
