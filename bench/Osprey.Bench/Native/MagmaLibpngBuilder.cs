using System.Collections.Immutable;
using Osprey.Native.Sandbox;
using Osprey.Native.Toolchain;

namespace Osprey.Bench.Native;

/// <summary>The built Magma libpng target: its fuzzer, its compile database and the bugs patched in.</summary>
internal sealed record MagmaBuild(string Fuzzer, string? CompileDatabase, ImmutableArray<string> Bugs);

/// <summary>
/// Builds Magma's libpng target as Magma does (its setup and bug patches applied to a copy of
/// libpng, <c>%MAGMA_BUG%</c> replaced by the patch's name, canaries on through Magma's
/// <c>canary.h</c>, the OSS-Fuzz read harness), with clang, ASan, UBSan and libFuzzer coverage, under
/// <c>bear</c> for Osprey's index, and Osprey's canary log instead of Magma's monitor. The libpng
/// checkout must be at the commit Magma's <c>fetch.sh</c> names. A finished build is reused.
/// </summary>
internal static class MagmaLibpngBuilder
{
    private const string Sanitizers = "-fsanitize=address,undefined -fno-sanitize=alignment,function -fsanitize-address-use-after-scope";

    public static async Task<MagmaBuild> BuildAsync(NativeToolchain toolchain, string magma, string libpng, string work, TextWriter log, CancellationToken cancellationToken)
    {
        var target = Path.Combine(magma, "targets", "libpng");
        var patches = new[] { "setup", "bugs" }.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(target, "patches", folder), "*.patch").Order(StringComparer.Ordinal)).ToList();
        var bugs = patches.Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "bugs").Select(Path.GetFileNameWithoutExtension).OfType<string>().ToImmutableArray();
        var fuzzer = Path.Combine(work, "libpng_read_fuzzer");
        var database = Path.Combine(work, "compile_commands.json");
        if (File.Exists(fuzzer))
        {
            await log.WriteLineAsync($"reusing {fuzzer}");
            return new MagmaBuild(fuzzer, File.Exists(database) ? work : null, bugs);
        }

        var repo = Path.Combine(work, "repo");
        if (Directory.Exists(repo))
        {
            Directory.Delete(repo, recursive: true);
        }

        Directory.CreateDirectory(work);
        await RunAsync(new ProcessSpec("cp", ["-a", libpng, repo]), "copy", cancellationToken);
        if (Directory.Exists(Path.Combine(repo, ".git")))
        {
            Directory.Delete(Path.Combine(repo, ".git"), recursive: true);
        }

        foreach (var patch in patches)
        {
            var name = Path.GetFileNameWithoutExtension(patch);
            var text = (await File.ReadAllTextAsync(patch, cancellationToken)).Replace("%MAGMA_BUG%", name, StringComparison.Ordinal);
            await RunAsync(new ProcessSpec("patch", ["-p1", "-d", repo]) { StandardInput = System.Text.Encoding.UTF8.GetBytes(text) }, "patch " + name, cancellationToken);
        }

        var canary = Path.Combine(work, MagmaCanaryLog.FileName);
        await File.WriteAllTextAsync(canary, MagmaCanaryLog.Source, cancellationToken);
        var canaryObject = Path.ChangeExtension(canary, ".o");
        await RunAsync(new ProcessSpec(toolchain.Clang!, ["-O1", "-c", canary, "-o", canaryObject]), "canary", cancellationToken);

        var flags = $"-include {Path.Combine(magma, "magma", "src", "canary.h")} -DMAGMA_ENABLE_CANARIES -O1 -gline-tables-only -fno-omit-frame-pointer {Sanitizers}";
        var environment = ImmutableDictionary<string, string>.Empty.Add("CC", toolchain.Clang!).Add("CFLAGS", flags + " -fsanitize=fuzzer-no-link");
        await log.WriteLineAsync("configuring libpng");
        await RunAsync(new ProcessSpec(Path.Combine(repo, "configure"), ["--with-libpng-prefix=MAGMA_", "--disable-shared"]) { WorkingDirectory = repo, Environment = environment, Timeout = TimeSpan.FromMinutes(20) }, "configure", cancellationToken);
        await log.WriteLineAsync("building libpng");
        var make = new[] { "make", $"-j{Environment.ProcessorCount}", "libpng16.la" };
        ImmutableArray<string> command = NginxHarnessBuilder.FindOnPath("bear") is { } bear ? [bear, "--output", database, "--", .. make] : [.. make];
        await RunAsync(new ProcessSpec("nice", ["-n", "10", .. command]) { WorkingDirectory = repo, Environment = environment, Timeout = TimeSpan.FromHours(1) }, "make", cancellationToken);
        await RunAsync(new ProcessSpec(toolchain.ClangXx ?? toolchain.Clang!,
            [.. flags.Split(' '), "-fsanitize=fuzzer", "-std=c++11", "-I", repo, Path.Combine(repo, "contrib", "oss-fuzz", "libpng_read_fuzzer.cc"), "-o", fuzzer,
             Path.Combine(repo, ".libs", "libpng16.a"), canaryObject, "-lz", "-lm"]) { WorkingDirectory = work }, "harness", cancellationToken);
        return new MagmaBuild(fuzzer, File.Exists(database) ? work : null, bugs);
    }

    private static async Task RunAsync(ProcessSpec spec, string step, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(spec with { OutputLimit = 1 << 16, Timeout = spec.Timeout < TimeSpan.FromMinutes(10) ? TimeSpan.FromMinutes(10) : spec.Timeout }, cancellationToken);
        if (result.ExitCode != 0)
        {
            var tail = (result.StandardError + result.StandardOutput) is var all && all.Length > 3000 ? all[^3000..] : result.StandardError + result.StandardOutput;
            throw new InvalidOperationException($"libpng {step} failed (exit {result.ExitCode}): {tail}");
        }
    }
}
