using System.Collections.Immutable;
using Osprey.Native.Sandbox;
using Osprey.Native.Toolchain;

namespace Osprey.Native.Benchmarks;

/// <summary>What building a batch produced: the program each case runs in, and why the others did not build.</summary>
/// <param name="Programs">Case name to the program that dispatches to it.</param>
/// <param name="Errors">Case name to the first compiler or linker error.</param>
internal sealed record JulietBatchBuild(ImmutableDictionary<string, string> Programs, ImmutableDictionary<string, string> Errors);

/// <summary>
/// Builds a batch: all C files in one <c>clang -c</c> call and all C++ files in one <c>clang++ -c</c>
/// call; when a call fails, its cases are compiled one by one so that only the broken ones are
/// lost. The objects are linked with the dispatcher into one program; when the link fails (two
/// cases defining the same global), the batch is split in halves until each part links.
/// </summary>
internal static class JulietBatchBuilder
{
    public static async Task<JulietBatchBuild> BuildAsync(NativeToolchain toolchain, JulietBatch batch, string support, ImmutableArray<string> supportObjects, string sanitizers, string work, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(work);
        var errors = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var built = new List<JulietCase>();
        foreach (var cpp in new[] { false, true })
        {
            var cases = batch.Cases.Where(c => c.IsCpp == cpp).ToList();
            if (cases.Count == 0)
            {
                continue;
            }

            var compiler = cpp ? toolchain.ClangXx! : toolchain.Clang!;
            if (await CompileAsync(compiler, sanitizers, support, batch.Folders, cases.SelectMany(c => c.Files), work, cancellationToken) is null)
            {
                built.AddRange(cases);
                continue;
            }

            foreach (var @case in cases)
            {
                if (await CompileAsync(compiler, sanitizers, support, batch.Folders, @case.Files, work, cancellationToken) is { } error)
                {
                    errors[@case.Name] = error;
                }
                else
                {
                    built.Add(@case);
                }
            }
        }

        var programs = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        await LinkAsync(toolchain, built, supportObjects, sanitizers, work, "program", programs, errors, cancellationToken);
        return new JulietBatchBuild(programs.ToImmutable(), errors.ToImmutable());
    }

    private static async Task LinkAsync(NativeToolchain toolchain, List<JulietCase> cases, ImmutableArray<string> supportObjects, string sanitizers, string work, string name,
        ImmutableDictionary<string, string>.Builder programs, ImmutableDictionary<string, string>.Builder errors, CancellationToken cancellationToken)
    {
        if (cases.Count == 0)
        {
            return;
        }

        var dispatcher = Path.Combine(work, name + "_" + JulietDispatcher.FileName);
        await File.WriteAllTextAsync(dispatcher, JulietDispatcher.Source(cases), cancellationToken);
        var program = Path.Combine(work, name);
        var objects = cases.SelectMany(c => c.Files).Select(f => Path.Combine(work, Path.GetFileNameWithoutExtension(f) + ".o"));
        // C cases declare their functions without prototypes, so UBSan's function-type check
        // would fault every call from the C++ dispatcher; the cases themselves keep it.
        var args = ImmutableArray.Create([.. sanitizers.Split(' '), "-fno-sanitize=function", "-fno-sanitize-recover=all", "-w", dispatcher, .. objects, .. supportObjects, "-o", program, "-lpthread", "-lm"]);
        var result = await ProcessRunner.RunAsync(new ProcessSpec(toolchain.ClangXx!, args) { WorkingDirectory = work, Timeout = TimeSpan.FromMinutes(10) }, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            foreach (var @case in cases)
            {
                programs[@case.Name] = program;
            }
        }
        else if (cases.Count == 1)
        {
            errors[cases[0].Name] = FirstError(result.StandardError);
        }
        else
        {
            var half = cases.Count / 2;
            await LinkAsync(toolchain, cases[..half], supportObjects, sanitizers, work, name + "a", programs, errors, cancellationToken);
            await LinkAsync(toolchain, cases[half..], supportObjects, sanitizers, work, name + "b", programs, errors, cancellationToken);
        }
    }

    // Null when every file compiled; else the first error. Locals start as a non-zero pattern
    // (-ftrivial-auto-var-init=pattern) rather than whatever the stack held, which is often zero:
    // a string copied without its terminator then runs into the redzone when it is read, instead
    // of stopping by chance at a zero byte left on the stack (CWE-170 cases in CWE-126).
    private static async Task<string?> CompileAsync(string compiler, string sanitizers, string support, ImmutableArray<string> folders, IEnumerable<string> files, string work, CancellationToken cancellationToken)
    {
        var args = ImmutableArray.Create([.. sanitizers.Split(' '), "-fno-sanitize-recover=all", "-ftrivial-auto-var-init=pattern", "-fno-omit-frame-pointer", "-gline-tables-only", "-O0", "-w", $"-I{support}", .. folders.Select(f => "-I" + f), "-c", .. files]);
        var result = await ProcessRunner.RunAsync(new ProcessSpec(compiler, args) { WorkingDirectory = work, Timeout = TimeSpan.FromMinutes(20) }, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 ? null : FirstError(result.StandardError);
    }

    private static string FirstError(string output) =>
        output.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal))?.Trim() ?? output.Trim();
}
