using System.Collections.Immutable;

namespace Osprey.Native.Recon;

/// <summary>How one translation unit is compiled: its file, working directory and compiler flags.</summary>
/// <param name="File">Absolute path of the source file.</param>
/// <param name="Directory">The directory the compiler ran in.</param>
/// <param name="Flags">Flags that shape parsing (<c>-I</c>, <c>-D</c>, <c>-std</c>, …); no output or optimisation flags.</param>
internal sealed record CompileCommand(string File, string Directory, ImmutableArray<string> Flags)
{
    /// <summary>Whether the unit is C++ by its extension.</summary>
    public bool IsCpp => Path.GetExtension(File).ToLowerInvariant() is ".cc" or ".cpp" or ".cxx" or ".c++";

    // Flags that only shape code generation, output or dependency files; dropped so that the engine
    // can choose its own (sanitizers, -O1, -g) and so that a hostile database cannot write files.
    private static readonly string[] DroppedWithValue = ["-o", "-MF", "-MT", "-MQ", "-Xclang", "-include-pch", "-fplugin", "-load"];

    /// <summary>Keeps the flags that matter for parsing from a compiler command line (compiler and file excluded).</summary>
    public static ImmutableArray<string> FilterFlags(IReadOnlyList<string> arguments, string directory)
    {
        var flags = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (DroppedWithValue.Contains(argument))
            {
                i++;
                continue;
            }

            if (argument is "-I" or "-D" or "-U" or "-isystem" or "-include" && i + 1 < arguments.Count)
            {
                flags.Add(argument);
                flags.Add(argument is "-I" or "-isystem" or "-include" ? Absolute(arguments[++i], directory) : arguments[++i]);
                continue;
            }

            if (argument.StartsWith("-I", StringComparison.Ordinal))
            {
                flags.Add("-I" + Absolute(argument[2..], directory));
            }
            else if (argument.StartsWith("-D", StringComparison.Ordinal) || argument.StartsWith("-U", StringComparison.Ordinal)
                || argument.StartsWith("-std=", StringComparison.Ordinal) || argument.StartsWith("-f", StringComparison.Ordinal) && IsLanguageFlag(argument))
            {
                flags.Add(argument);
            }
        }

        return flags.ToImmutable();
    }

    private static bool IsLanguageFlag(string flag) =>
        flag is "-fno-exceptions" or "-fexceptions" or "-fno-rtti" or "-fsigned-char" or "-funsigned-char" or "-fgnu89-inline";

    private static string Absolute(string path, string directory) => Path.GetFullPath(Path.Combine(directory, path));
}
