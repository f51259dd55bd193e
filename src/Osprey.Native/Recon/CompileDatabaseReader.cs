using System.Collections.Immutable;
using System.Text.Json;

namespace Osprey.Native.Recon;

/// <summary>
/// Finds how a project's C/C++ files are compiled, from the best source available: a
/// <c>compile_commands.json</c> (CMake's export or <c>bear -- make</c>), an OSS-Fuzz style
/// <c>build.sh</c> (read, never run), or the source files themselves with their folders as
/// include paths. Nothing from the project is executed.
/// </summary>
internal static class CompileDatabaseReader
{
    private static readonly string[] SourceExtensions = [".c", ".cc", ".cpp", ".cxx", ".c++"];

    /// <summary>The compile commands of <paramref name="root"/> (a folder, a database or a single file).</summary>
    public static (ImmutableArray<CompileCommand> Commands, string Origin, ImmutableArray<string> Problems) Read(string root, IReadOnlyList<string> sourceFiles)
    {
        if (File.Exists(root) && Path.GetFileName(root) == "compile_commands.json")
        {
            return FromDatabase(root);
        }

        if (Directory.Exists(root))
        {
            foreach (var candidate in new[] { "compile_commands.json", "build/compile_commands.json" })
            {
                var path = Path.Combine(root, candidate);
                if (File.Exists(path))
                {
                    return FromDatabase(path);
                }
            }

            var buildScript = Path.Combine(root, "build.sh");
            if (File.Exists(buildScript))
            {
                var fromScript = FromBuildScript(buildScript, root);
                if (!fromScript.IsEmpty)
                {
                    return (fromScript, "build.sh", []);
                }
            }
        }

        return (FromSources(root, sourceFiles), "source files", []);
    }

    public static bool IsSource(string path) => SourceExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    private static (ImmutableArray<CompileCommand>, string, ImmutableArray<string>) FromDatabase(string path)
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        var commands = ImmutableArray.CreateBuilder<CompileCommand>();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var index = 0;
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                index++;
                if (!entry.TryGetProperty("file", out var fileElement) || !entry.TryGetProperty("directory", out var dirElement))
                {
                    problems.Add($"{path}: entry {index} has no 'file' or 'directory'; skipped.");
                    continue;
                }

                var directory = dirElement.GetString() ?? "";
                var file = Path.GetFullPath(Path.Combine(directory, fileElement.GetString() ?? ""));
                List<string> arguments = entry.TryGetProperty("arguments", out var args)
                    ? [.. args.EnumerateArray().Select(a => a.GetString() ?? "")]
                    : entry.TryGetProperty("command", out var command) ? ShellWords.Split(command.GetString() ?? "") : [];
                var flags = CompileCommand.FilterFlags(arguments.Skip(1).Where(a => Path.GetFullPath(Path.Combine(directory, a)) != file || a.StartsWith('-')).ToList(), directory);
                if (IsSource(file) && commands.All(c => c.File != file))
                {
                    commands.Add(new CompileCommand(file, directory, flags));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IOException)
        {
            problems.Add($"{path} is not a valid compile database: {ex.Message}");
        }

        return (commands.ToImmutable(), "compile_commands.json", problems.ToImmutable());
    }

    // OSS-Fuzz scripts compile with $CC/$CXX and name their files and flags on the line. Variables
    // other than $SRC are not expanded; lines we cannot follow are ignored.
    private static ImmutableArray<CompileCommand> FromBuildScript(string script, string root)
    {
        var commands = ImmutableArray.CreateBuilder<CompileCommand>();
        foreach (var raw in File.ReadAllLines(script))
        {
            var line = raw.Replace("$SRC/", root + "/", StringComparison.Ordinal).Replace("${SRC}/", root + "/", StringComparison.Ordinal);
            var words = ShellWords.Split(line);
            if (words.Count == 0 || words[0] is not ("$CC" or "$CXX" or "${CC}" or "${CXX}" or "clang" or "clang++" or "cc" or "gcc" or "g++"))
            {
                continue;
            }

            var flags = CompileCommand.FilterFlags(words.Skip(1).Where(w => !IsSource(w)).ToList(), root);
            foreach (var word in words.Skip(1).Where(IsSource))
            {
                var file = Path.GetFullPath(Path.Combine(root, word));
                if (File.Exists(file) && commands.All(c => c.File != file))
                {
                    commands.Add(new CompileCommand(file, root, flags));
                }
            }
        }

        return commands.ToImmutable();
    }

    private static ImmutableArray<CompileCommand> FromSources(string root, IReadOnlyList<string> sourceFiles)
    {
        var directory = Directory.Exists(root) ? root : Path.GetDirectoryName(root) ?? root;
        var includes = sourceFiles.Select(f => Path.GetDirectoryName(f)!).Append(directory).Distinct(StringComparer.Ordinal).Select(d => "-I" + d);
        var flags = includes.ToImmutableArray();
        return [.. sourceFiles.Where(IsSource).Select(f => new CompileCommand(f, directory, flags))];
    }
}
