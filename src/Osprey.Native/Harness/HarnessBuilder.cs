using System.Collections.Immutable;
using Osprey.Native.Recon;
using Osprey.Native.Sandbox;
using Osprey.Native.Toolchain;

namespace Osprey.Native.Harness;

/// <summary>
/// Builds fuzzers with AddressSanitizer, UBSan and libFuzzer: the project's other translation
/// units once as objects, then each harness (generated, or the project's own fuzz target) linked
/// against them. When the link fails with the other units (duplicate symbols, missing libraries)
/// the harness is tried alone; a harness that still does not build is dropped with the compiler's
/// first errors as the reason.
/// </summary>
internal sealed class HarnessBuilder
{
    // Array-bounds checks are left to ASan, whose reports name the region and direction.
    internal static readonly ImmutableArray<string> SanitizerFlags =
        ["-fsanitize=address,undefined,float-divide-by-zero", "-fno-sanitize=array-bounds", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer", "-fno-optimize-sibling-calls", "-g", "-O1"];

    private readonly NativeToolchain _toolchain;
    private readonly string _buildDirectory;
    private readonly Dictionary<string, string?> _objects = new(StringComparer.Ordinal);

    public HarnessBuilder(NativeToolchain toolchain, string buildDirectory)
    {
        _toolchain = toolchain;
        _buildDirectory = buildDirectory;
        Directory.CreateDirectory(buildDirectory);
    }

    public async Task<HarnessBuild> BuildAsync(NativeEntryPoint entry, IReadOnlyList<CompileCommand> commands, NativeCodeIndex index, CancellationToken cancellationToken)
    {
        var unit = commands.FirstOrDefault(c => c.File == entry.Function.TranslationUnit)
            ?? new CompileCommand(entry.Function.TranslationUnit, Path.GetDirectoryName(entry.Function.TranslationUnit)!, []);
        var name = $"{entry.Function.Name}-{(uint)entry.Function.FilePath.GetHashCode(StringComparison.Ordinal):x8}";
        string source;
        string? harness = null;
        if (entry.Shape == HarnessShape.ExistingFuzzTarget)
        {
            source = unit.File;
        }
        else
        {
            harness = Path.Combine(_buildDirectory, name + (unit.IsCpp ? ".harness.cc" : ".harness.c"));
            await File.WriteAllTextAsync(harness, HarnessTemplate.Generate(entry), cancellationToken).ConfigureAwait(false);
            source = harness;
        }

        var others = await OtherObjectsAsync(unit, commands, index, cancellationToken).ConfigureAwait(false);
        if (await WideChecksAsync(cancellationToken).ConfigureAwait(false) is { } wide)
        {
            others = others.Add(wide);
        }

        var output = Path.Combine(_buildDirectory, name + ".fuzzer");
        var compiler = unit.IsCpp ? _toolchain.ClangXx ?? _toolchain.Clang! : _toolchain.Clang!;
        var error = await LinkAsync(compiler, unit, source, others, output, harness is not null, cancellationToken).ConfigureAwait(false);
        if (error is not null && others.Length > 0)
        {
            error = await LinkAsync(compiler, unit, source, [], output, harness is not null, cancellationToken).ConfigureAwait(false);
        }

        return error is null ? new HarnessBuild(entry, output, harness, null) : new HarnessBuild(entry, null, harness, error);
    }

    private async Task<string?> LinkAsync(string compiler, CompileCommand unit, string source, ImmutableArray<string> objects, string output, bool renameMain, CancellationToken cancellationToken)
    {
        var args = ImmutableArray.CreateBuilder<string>();
        args.AddRange(SanitizerFlags);
        args[0] = "-fsanitize=address,undefined,float-divide-by-zero,fuzzer";
        args.AddRange(unit.Flags);
        if (renameMain)
        {
            args.Add("-Dmain=osprey_original_main");
        }

        args.Add(source);
        args.AddRange(objects);
        args.AddRange("-o", output, "-lm", "-lpthread");
        if (objects.Any(o => o.Contains(".cc-", StringComparison.Ordinal) || o.Contains(".cpp-", StringComparison.Ordinal) || o.Contains(".cxx-", StringComparison.Ordinal)))
        {
            args.Add("-lstdc++");
        }
        var result = await ProcessRunner.RunAsync(new ProcessSpec(compiler, args.ToImmutable()) { WorkingDirectory = unit.Directory, Timeout = TimeSpan.FromMinutes(5) }, cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0 ? null : FirstErrors(result.StandardError);
    }

    // The project's other units, built once with sanitizer instrumentation; units holding a main
    // or a fuzz target are left out (they would clash with the harness's entry point).
    private async Task<ImmutableArray<string>> OtherObjectsAsync(CompileCommand unit, IReadOnlyList<CompileCommand> commands, NativeCodeIndex index, CancellationToken cancellationToken)
    {
        var excluded = index.Functions.Where(f => f.Name is "main" or "LLVMFuzzerTestOneInput").Select(f => f.TranslationUnit).ToHashSet(StringComparer.Ordinal);
        var objects = ImmutableArray.CreateBuilder<string>();
        foreach (var other in commands.Where(c => c.File != unit.File && !excluded.Contains(c.File)))
        {
            if (!_objects.TryGetValue(other.File, out var obj))
            {
                obj = Path.Combine(_buildDirectory, "obj", $"{Path.GetFileName(other.File)}-{(uint)other.File.GetHashCode(StringComparison.Ordinal):x8}.o");
                Directory.CreateDirectory(Path.GetDirectoryName(obj)!);
                var compiler = other.IsCpp ? _toolchain.ClangXx ?? _toolchain.Clang! : _toolchain.Clang!;
                var args = ImmutableArray.CreateBuilder<string>();
                args.AddRange(SanitizerFlags);
                args[0] = "-fsanitize=address,undefined,float-divide-by-zero,fuzzer-no-link";
                args.AddRange(other.Flags);
                args.AddRange("-c", other.File, "-o", obj);
                var result = await ProcessRunner.RunAsync(new ProcessSpec(compiler, args.ToImmutable()) { WorkingDirectory = other.Directory, Timeout = TimeSpan.FromMinutes(5) }, cancellationToken).ConfigureAwait(false);
                obj = result.ExitCode == 0 ? obj : null;
                _objects[other.File] = obj;
            }

            if (obj is not null)
            {
                objects.Add(obj);
            }
        }

        return objects.ToImmutable();
    }

    private string? _wideChecks;
    private bool _wideChecksTried;

    // The instrumented wide-string functions ASan lacks interceptors for; built once.
    private async Task<string?> WideChecksAsync(CancellationToken cancellationToken)
    {
        if (_wideChecksTried)
        {
            return _wideChecks;
        }

        _wideChecksTried = true;
        var source = Path.Combine(_buildDirectory, WideStringChecks.FileName);
        await File.WriteAllTextAsync(source, WideStringChecks.Source, cancellationToken).ConfigureAwait(false);
        var output = Path.ChangeExtension(source, ".o");
        var args = ImmutableArray.CreateBuilder<string>();
        args.AddRange(SanitizerFlags);
        args.AddRange("-fno-builtin", "-c", source, "-o", output);
        var result = await ProcessRunner.RunAsync(new ProcessSpec(_toolchain.Clang!, args.ToImmutable()) { WorkingDirectory = _buildDirectory }, cancellationToken).ConfigureAwait(false);
        _wideChecks = result.ExitCode == 0 ? output : null;
        return _wideChecks;
    }

    private static string FirstErrors(string stderr)
    {
        var lines = stderr.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(3).ToList();
        return lines.Count > 0 ? string.Join('\n', lines) : stderr.Trim().Split('\n').FirstOrDefault() ?? "the compiler failed without a message";
    }
}
