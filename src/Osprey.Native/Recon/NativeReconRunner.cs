using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Osprey.Core.Recon;
using Osprey.Core.Scanning;
using Osprey.Native.Toolchain;

namespace Osprey.Native.Recon;

/// <summary>
/// Reads a target's compile commands, indexes it with libclang and finds its attack surface.
/// Without libclang, existing fuzz targets are still found by their name in the source text.
/// </summary>
internal static partial class NativeReconRunner
{
    [GeneratedRegex(@"\bint\s+LLVMFuzzerTestOneInput\s*\(")]
    private static partial Regex FuzzTargetDefinition();

    public static NativeRecon Run(ScanTarget target, ReconResult recon, NativeToolchain toolchain, CancellationToken cancellationToken)
    {
        var root = target.RootDirectory;
        var databaseRoot = target.Kind == ScanTargetKind.Project && Path.GetFileName(target.Path) == "compile_commands.json" ? target.Path : root;
        var sources = recon.Files.Where(f => f.Language is SourceLanguage.C or SourceLanguage.Cpp).Select(f => f.FullPath).ToList();
        if (target.Kind == ScanTargetKind.File)
        {
            databaseRoot = target.Path;
        }

        var (commands, origin, problems) = CompileDatabaseReader.Read(databaseRoot, sources);
        NativeCodeIndex index;
        if (toolchain.LibClang is not null)
        {
            index = new ClangIndexer(toolchain.ClangMajorVersion > 0 ? toolchain.ClangMajorVersion : 19).Index(commands, cancellationToken);
        }
        else
        {
            index = new NativeCodeIndex { Functions = [.. commands.SelectMany(FuzzTargetsByText)] };
        }

        var allProblems = problems.AddRange(index.ParseErrors.Select(e => $"{SourceLocationPath(e.File, root)} did not parse cleanly: {e.Error}"));
        return new NativeRecon
        {
            Root = root,
            Commands = commands,
            Origin = origin,
            Index = index,
            EntryPoints = AttackSurface.Find(index, root),
            Problems = allProblems,
        };
    }

    private static string SourceLocationPath(string file, string root) => Core.Findings.SourceLocation.NormalizePath(file, root);

    private static IEnumerable<NativeFunction> FuzzTargetsByText(CompileCommand command)
    {
        var lines = File.ReadAllLines(command.File);
        for (var i = 0; i < lines.Length; i++)
        {
            if (FuzzTargetDefinition().IsMatch(lines[i]))
            {
                yield return new NativeFunction
                {
                    Name = "LLVMFuzzerTestOneInput",
                    FilePath = command.File,
                    Line = i + 1,
                    ReturnType = "int",
                    Parameters = [new NativeParameter("data", "const uint8_t *", "const unsigned char *"), new NativeParameter("size", "size_t", "unsigned long")],
                    TranslationUnit = command.File,
                    IsCpp = command.IsCpp,
                };
            }
        }
    }
}
