using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Native.Harness;

namespace Osprey.Native.Recon;

/// <summary>
/// Finds the functions an attacker's bytes can reach from outside: existing fuzz targets, functions
/// taking a buffer and its length, a string, a path, a stream or a descriptor, and <c>main</c>.
/// Only roots of the project's call graph are chosen (plus fuzz targets and <c>main</c>): a helper
/// called by the project's own code may rely on checks its callers make, and fuzzing it directly
/// would report crashes no caller can cause.
/// </summary>
internal static class AttackSurface
{
    private static readonly string[] ParserWords = ["parse", "decode", "read", "load", "process", "handle", "unpack", "deserial", "scan", "lex", "import", "inflate", "from"];

    public static ImmutableArray<NativeEntryPoint> Find(NativeCodeIndex index, string root)
    {
        var called = index.Calls.Select(c => c.Callee).ToHashSet(StringComparer.Ordinal);
        var hasFuzzTarget = index.Functions.Any(f => f.Name == "LLVMFuzzerTestOneInput");
        var entries = ImmutableArray.CreateBuilder<NativeEntryPoint>();
        foreach (var function in index.Functions)
        {
            if (Classify(function) is not { } shape)
            {
                continue;
            }

            var isRoot = !called.Contains(function.Name);
            if (shape is not (HarnessShape.ExistingFuzzTarget or HarnessShape.MainProgram) && !isRoot)
            {
                continue;
            }

            var priority = shape switch
            {
                HarnessShape.ExistingFuzzTarget => 100,
                HarnessShape.MainProgram => hasFuzzTarget ? 5 : 10,
                HarnessShape.BytesAndLength => 40,
                _ => 30,
            };
            if (ParserWords.Any(w => function.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                priority += 10;
            }

            entries.Add(new NativeEntryPoint(function, shape, ToEntryPoint(function, shape, root), priority));
        }

        return [.. entries.OrderByDescending(e => e.Priority).ThenBy(e => e.Function.Name, StringComparer.Ordinal)];
    }

    /// <summary>The harness shape that fits <paramref name="function"/>'s signature, or null when none does.</summary>
    public static HarnessShape? Classify(NativeFunction function)
    {
        var p = function.Parameters;
        if (function.Name == "LLVMFuzzerTestOneInput")
        {
            return HarnessShape.ExistingFuzzTarget;
        }

        if (function.Name == "main")
        {
            return HarnessShape.MainProgram;
        }

        if (p.Length == 2 && IsBytePointer(p[0]) && IsInteger(p[1]))
        {
            return HarnessShape.BytesAndLength;
        }

        if (p.Length == 1)
        {
            if (IsCharPointer(p[0]))
            {
                return LooksLikePath(p[0].Name) ? HarnessShape.TempFilePath : HarnessShape.CString;
            }

            if (IsFile(p[0]))
            {
                return HarnessShape.FilePointer;
            }

            if (IsInteger(p[0]) && p[0].Name is "fd" or "fildes" or "sock" or "socket")
            {
                return HarnessShape.FileDescriptor;
            }
        }

        if (p.Length is >= 2 and <= 6 && p.Any(IsCharPointer) && p.All(x => IsCharPointer(x) || IsInteger(x) || IsFloating(x)))
        {
            return HarnessShape.SplitInput;
        }

        return null;
    }

    public static bool IsBytePointer(NativeParameter parameter) =>
        PointeeOf(parameter) is "char" or "unsigned char" or "signed char" or "void";

    public static bool IsCharPointer(NativeParameter parameter) => PointeeOf(parameter) is "char";

    public static bool IsFile(NativeParameter parameter) =>
        parameter.Type.Replace(" ", "", StringComparison.Ordinal) is "FILE*" || parameter.CanonicalType.Contains("_IO_FILE *", StringComparison.Ordinal);

    public static bool IsInteger(NativeParameter parameter) =>
        parameter.CanonicalType.Replace("const ", "", StringComparison.Ordinal) is "int" or "unsigned int" or "long" or "unsigned long" or "long long"
            or "unsigned long long" or "short" or "unsigned short" or "char" or "unsigned char" or "signed char" or "_Bool" or "bool"
        || parameter.CanonicalType.StartsWith("enum ", StringComparison.Ordinal);

    public static bool IsFloating(NativeParameter parameter) =>
        parameter.CanonicalType.Replace("const ", "", StringComparison.Ordinal) is "float" or "double";

    private static string? PointeeOf(NativeParameter parameter)
    {
        var type = parameter.CanonicalType.Trim();
        if (!type.EndsWith('*') || type.EndsWith("**", StringComparison.Ordinal))
        {
            return null;
        }

        return type[..^1].Replace("const", "", StringComparison.Ordinal).Replace("volatile", "", StringComparison.Ordinal).Trim();
    }

    private static bool LooksLikePath(string name) =>
        name.Contains("path", StringComparison.OrdinalIgnoreCase) || name.Contains("file", StringComparison.OrdinalIgnoreCase) || name is "fname" or "fn";

    private static EntryPoint ToEntryPoint(NativeFunction function, HarnessShape shape, string root)
    {
        var signature = $"{function.Name}({string.Join(", ", function.Parameters.Select(p => p.Type))})";
        return new EntryPoint
        {
            Kind = shape switch
            {
                HarnessShape.ExistingFuzzTarget or HarnessShape.BytesAndLength => EntryPointKind.FuzzTarget,
                HarnessShape.MainProgram => EntryPointKind.CommandLine,
                _ => EntryPointKind.PublicApi,
            },
            Name = signature,
            Handler = function.Name,
            Location = new SourceLocation
            {
                FilePath = SourceLocation.NormalizePath(function.FilePath, root),
                StartLine = function.Line,
                StartColumn = function.Column,
                Member = function.Name,
            },
            Auth = AuthRequirement.Anonymous,
        };
    }
}
