namespace Osprey.CSharp.Proof.Sandbox;

/// <summary>
/// A fresh temporary directory for one sandboxed run: the only place the run may write. It is
/// deleted, with everything in it, when disposed.
/// </summary>
public sealed class SandboxWorkspace : IDisposable
{
    private SandboxWorkspace(string directory) => Directory = directory;

    /// <summary>The directory's full path.</summary>
    public string Directory { get; }

    /// <summary>Creates an empty workspace under the system temporary directory.</summary>
    public static SandboxWorkspace Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "osprey-proof-" + Guid.NewGuid().ToString("N")[..16]);
        System.IO.Directory.CreateDirectory(directory);
        return new SandboxWorkspace(directory);
    }

    /// <summary>The full path of <paramref name="relativePath"/> inside the workspace.</summary>
    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    /// <summary>Deletes the directory and everything in it.</summary>
    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }
}
