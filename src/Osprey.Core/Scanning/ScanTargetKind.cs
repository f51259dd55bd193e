namespace Osprey.Core.Scanning;

/// <summary>What the user pointed Osprey at.</summary>
public enum ScanTargetKind
{
    /// <summary>A folder, scanned recursively.</summary>
    Folder = 0,
    /// <summary>A <c>.sln</c> or <c>.slnx</c> solution.</summary>
    Solution = 1,
    /// <summary>A project file (<c>.csproj</c>, <c>compile_commands.json</c>).</summary>
    Project = 2,
    /// <summary>A single source file.</summary>
    File = 3,
}
