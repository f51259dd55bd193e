using System.Collections.Immutable;
using Osprey.Native.Sandbox;
using Osprey.Native.Toolchain;

namespace Osprey.Bench.Native;

/// <summary>The harness binaries of a built challenge and the compile database of the build.</summary>
/// <param name="Harnesses">Harness name to fuzzer binary.</param>
/// <param name="BuildFolder">The folder nginx was configured and built in.</param>
/// <param name="CompileDatabase">The folder holding <c>compile_commands.json</c>, or null when bear was missing.</param>
internal sealed record ChallengeBuild(ImmutableDictionary<string, string> Harnesses, string BuildFolder, string? CompileDatabase);

/// <summary>
/// Builds the nginx challenge's harnesses the way its <c>cp_build</c> script does (the harness
/// rule spliced into <c>auto/configure</c>, <c>main</c> renamed, the same modules and
/// <c>--wrap</c> link options), but with clang, AddressSanitizer, UndefinedBehaviorSanitizer and
/// coverage for libFuzzer on every object, and under <c>bear</c> so that Osprey can index the code.
/// The HTTP harness's web root is a folder of the work folder, filled as the challenge's
/// <c>cp_pov</c> script fills <c>/out/html</c>.
/// The source and challenge checkouts are only read: everything happens in a copy. A build whose
/// harnesses already exist is reused.
/// </summary>
internal static class NginxHarnessBuilder
{
    private static readonly string[] Wrapped =
        ["writev", "open", "getsockopt", "select", "recv", "read", "send", "epoll_create", "epoll_create1", "epoll_wait", "epoll_ctl", "close", "ioctl",
         "listen", "accept", "accept4", "setsockopt", "bind", "shutdown", "connect", "getpwnam", "getgrnam", "chmod", "chown"];

    private static readonly string[] Modules =
        ["--with-mail", "--with-http_ssl_module", "--with-http_realip_module", "--with-http_addition_module", "--with-http_sub_module", "--with-http_dav_module",
         "--with-http_flv_module", "--with-http_mp4_module", "--with-http_gunzip_module", "--with-http_gzip_static_module", "--with-http_auth_request_module",
         "--with-http_random_index_module", "--with-http_secure_link_module", "--with-http_degradation_module", "--with-http_stub_status_module"];

    // UBSan is recoverable at compile time; the sandbox's UBSAN_OPTIONS make it fatal at run time.
    private const string Sanitizers = "-fsanitize=address,undefined -fno-sanitize=alignment,function,vptr -fsanitize-address-use-after-scope";

    public static async Task<ChallengeBuild> BuildAsync(AixccChallenge challenge, NativeToolchain toolchain, string source, string work, TextWriter log, CancellationToken cancellationToken)
    {
        var bld = Path.Combine(work, "bld");
        var database = File.Exists(Path.Combine(work, "compile_commands.json")) ? work : null;
        var harnesses = challenge.Harnesses.ToImmutableDictionary(h => h, h => Path.Combine(bld, "objs", h));
        var htmlRoot = PrepareHtmlRoot(source, work);
        var environment = BuildEnvironment(toolchain);
        if (harnesses.Values.All(File.Exists))
        {
            var stale = WriteHarnessSources(challenge, bld, htmlRoot);
            if (stale.Count == 0)
            {
                await log.WriteLineAsync($"reusing the harnesses built in {bld}");
                return new ChallengeBuild(harnesses, bld, database);
            }

            // The harness rule links every object file but does not depend on the harness source:
            // deleting the binary makes make compile and link only that harness again.
            await log.WriteLineAsync($"rebuilding {string.Join(", ", stale)}: their sources changed");
            foreach (var name in stale.Where(harnesses.ContainsKey))
            {
                File.Delete(harnesses[name]);
            }

            await RunAsync(new ProcessSpec("nice", ["-n", "10", "make", "-f", "objs/Makefile", "harnesses"]) { WorkingDirectory = bld, Environment = environment, Timeout = TimeSpan.FromMinutes(30) }, "make", cancellationToken);
            return new ChallengeBuild(harnesses, bld, database);
        }

        if (Directory.Exists(bld))
        {
            Directory.Delete(bld, recursive: true);
        }

        await log.WriteLineAsync($"copying {source} to {bld}");
        CopyTree(source, bld);
        var configure = await File.ReadAllTextAsync(Path.Combine(source, "auto", "configure"), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(bld, "auto", "configure"), configure.Replace("auto/make\n", "auto/make\n. auto/make_harnesses\n", StringComparison.Ordinal), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(bld, "auto", "configure"), (UnixFileMode)0b111_101_101);
        }

        File.Copy(Path.Combine(challenge.Root, "src", "harnesses", "make_harnesses"), Path.Combine(bld, "auto", "make_harnesses"), overwrite: true);
        WriteHarnessSources(challenge, bld, htmlRoot);
        var nginxMain = Path.Combine(bld, "src", "core", "nginx.c");
        await File.WriteAllTextAsync(nginxMain, (await File.ReadAllTextAsync(nginxMain, cancellationToken)).Replace("main(", "fuzz_without_main(", StringComparison.Ordinal), cancellationToken);

        var cflags = $"-O1 -fno-omit-frame-pointer -gline-tables-only -Wno-error -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION -DNGX_DEBUG_PALLOC=1 {Sanitizers} -fsanitize=fuzzer-no-link";
        var ldflags = string.Join(' ', Wrapped.Select(w => "-Wl,--wrap=" + w)) + " -lpthread " + Sanitizers;
        await log.WriteLineAsync("configuring nginx");
        await RunAsync(new ProcessSpec("./auto/configure", [$"--with-ld-opt={ldflags}", $"--with-cc-opt={cflags}", .. Modules]) { WorkingDirectory = bld, Environment = environment, Timeout = TimeSpan.FromMinutes(30) }, "configure", cancellationToken);
        await log.WriteLineAsync("building the harnesses");
        var make = new[] { "make", $"-j{Environment.ProcessorCount}", "-f", "objs/Makefile", "harnesses" };
        ImmutableArray<string> command = FindOnPath("bear") is { } bear ? [bear, "--output", Path.Combine(work, "compile_commands.json"), "--", .. make] : [.. make];
        await RunAsync(new ProcessSpec("nice", ["-n", "10", .. command]) { WorkingDirectory = bld, Environment = environment, Timeout = TimeSpan.FromHours(2) }, "make", cancellationToken);
        var missing = harnesses.Where(h => !File.Exists(h.Value)).Select(h => h.Key).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The build finished without the harnesses {string.Join(", ", missing)}.");
        }

        return new ChallengeBuild(harnesses, bld, File.Exists(Path.Combine(work, "compile_commands.json")) ? work : null);
    }

    private static ImmutableDictionary<string, string> BuildEnvironment(NativeToolchain toolchain) => ImmutableDictionary<string, string>.Empty
        .Add("CC", toolchain.Clang!).Add("CXX", toolchain.ClangXx ?? toolchain.Clang!).Add("LIB_FUZZING_ENGINE", "-fsanitize=fuzzer")
        .Add("CXXFLAGS", $"-O1 -fno-omit-frame-pointer -gline-tables-only -Wno-error -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION {Sanitizers} -fsanitize=fuzzer");

    /// <summary>
    /// The challenge's harness sources as the build compiles them: the HTTP harness serves
    /// <c>/out/html</c>, the folder the challenge's <c>cp_pov</c> script fills in its container;
    /// here that root is <paramref name="htmlRoot"/> in the work folder, so that nothing is
    /// written outside it.
    /// </summary>
    internal static string HarnessSource(string text, string htmlRoot) =>
        text.Replace("root   /out/html;", $"root   \\\"{htmlRoot}\\\";", StringComparison.Ordinal);

    /// <summary>
    /// Creates the HTML root as <c>cp_pov</c> does (<c>mkdir -p $OUT/html</c>, then the source's
    /// <c>docs/html/index.html</c> copied into it) and returns its path.
    /// </summary>
    internal static string PrepareHtmlRoot(string source, string work)
    {
        var root = Path.Combine(work, "out", "html");
        Directory.CreateDirectory(root);
        File.Copy(Path.Combine(source, "docs", "html", "index.html"), Path.Combine(root, "index.html"), overwrite: true);
        return root;
    }

    // Writes the harness sources that differ from what bld holds; returns the names of those harnesses.
    private static List<string> WriteHarnessSources(AixccChallenge challenge, string bld, string htmlRoot)
    {
        var changed = new List<string>();
        Directory.CreateDirectory(Path.Combine(bld, "src", "harnesses"));
        foreach (var harness in Directory.EnumerateFiles(Path.Combine(challenge.Root, "src", "harnesses"), "*.cc"))
        {
            var target = Path.Combine(bld, "src", "harnesses", Path.GetFileName(harness));
            var text = HarnessSource(File.ReadAllText(harness), htmlRoot);
            if (!File.Exists(target) || File.ReadAllText(target) != text)
            {
                File.WriteAllText(target, text);
                changed.Add(Path.GetFileNameWithoutExtension(harness));
            }
        }

        return changed;
    }

    private static async Task RunAsync(ProcessSpec spec, string step, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(spec with { OutputLimit = 1 << 16 }, cancellationToken);
        if (result.ExitCode != 0)
        {
            var tail = result.StandardError.Length > 3000 ? result.StandardError[^3000..] : result.StandardError;
            throw new InvalidOperationException($"nginx {step} failed (exit {result.ExitCode}): {tail}");
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, directory);
            if (!relative.Split('/').Contains(".git"))
            {
                Directory.CreateDirectory(Path.Combine(to, relative));
            }
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (!relative.Split('/').Contains(".git"))
            {
                File.Copy(file, Path.Combine(to, relative));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(Path.Combine(to, relative), File.GetUnixFileMode(file));
                }
            }
        }
    }

    /// <summary>
    /// Creates a folder the harnesses can run in: nginx opens <c>logs/nginx.pid</c> relative to
    /// the working directory (the challenge's image has that folder; a fresh one does not).
    /// </summary>
    public static void PrepareRunFolder(string folder) => Directory.CreateDirectory(Path.Combine(folder, "logs"));

    internal static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
