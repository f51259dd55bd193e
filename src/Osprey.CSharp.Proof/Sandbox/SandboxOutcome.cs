namespace Osprey.CSharp.Proof.Sandbox;

/// <summary>How a sandboxed run ended.</summary>
public enum SandboxOutcome
{
    /// <summary>The process exited by itself (with any exit code).</summary>
    Exited = 0,
    /// <summary>The wall-clock limit passed and the process group was killed.</summary>
    TimedOut = 1,
    /// <summary>The run hit its memory limit.</summary>
    MemoryExceeded = 2,
    /// <summary>The run hit its process-count limit (a fork bomb, or too many threads).</summary>
    ProcessLimitExceeded = 3,
    /// <summary>The sandbox could not start the process.</summary>
    FailedToStart = 4,
}
