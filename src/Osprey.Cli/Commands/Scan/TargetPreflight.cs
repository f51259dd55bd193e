using Osprey.Core.Scanning;

namespace Osprey.Cli.Commands.Scan;

/// <summary>
/// Checks a target before the pipeline starts, so that the common mistakes get a plain message
/// and the documented exit code rather than an empty report.
/// </summary>
internal static class TargetPreflight
{
    private static readonly string[] ScannableExtensions = [".cs", ".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh"];

    /// <summary>Returns null when the target can be scanned, else the exit code and the message.</summary>
    public static (int ExitCode, string Message)? Check(string path, out ScanTarget? target)
    {
        target = ScanTarget.TryCreate(path, out var error);
        if (target is null)
        {
            return (ExitCodes.UsageError, error ?? $"cannot scan '{path}'");
        }

        if (target.Kind == ScanTargetKind.Folder)
        {
            return null;
        }

        try
        {
            using var stream = new FileStream(target.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            Span<byte> probe = stackalloc byte[1];
            _ = stream.Read(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (ExitCodes.ScanFailed, $"cannot read '{path}': {ex.Message}");
        }

        if (target.Kind == ScanTargetKind.File && !ScannableExtensions.Contains(Path.GetExtension(target.Path).ToLowerInvariant()))
        {
            return (ExitCodes.ScanFailed,
                $"'{path}' is not a file Osprey can scan: give a C# (.cs) or C/C++ (.c, .cpp, .h) file, a folder, a .sln/.slnx, a .csproj or a compile_commands.json");
        }

        return null;
    }
}
